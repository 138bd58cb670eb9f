using Microsoft.Playwright;

namespace GoRuntimeLab.NotebookTests;

/// <summary>One headless Debian chromium (driven by Playwright) for all of <see cref="BrowserBookTests"/>: each test
/// opens its own context (no shared cookies, cache or routes), the browser starts once. Started on first use, so a
/// machine without chromium (the tests skip) starts nothing.</summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    public const string Executable = "/usr/bin/chromium";

    private readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> _started = new(StartAsync);

    public async Task<IBrowserContext> NewContextAsync() => await (await _started.Value).Browser.NewContextAsync();

    private static async Task<(IPlaywright, IBrowser)> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return (playwright, browser);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (!_started.IsValueCreated) return;
        var (playwright, browser) = await _started.Value;
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
