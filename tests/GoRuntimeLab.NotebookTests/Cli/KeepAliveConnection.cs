using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>
/// One HTTP/1.1 connection to 127.0.0.1 over a raw socket, never reopened: requests are written as bytes and each
/// response is read strictly (status line, headers, exactly Content-Length body bytes), so a stray or missing byte
/// from the server shows up as a wrong status line or a short body. Throws if the server closes the connection
/// without having said so (a reply with <c>Connection: close</c>, see <see cref="CloseAnnounced"/>).
/// </summary>
internal sealed class KeepAliveConnection : IDisposable
{
    private readonly TcpClient _client = new();
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public KeepAliveConnection(int port)
    {
        _client.Connect("127.0.0.1", port);
        _client.NoDelay = true;
        _stream = _client.GetStream();
        LocalPort = ((System.Net.IPEndPoint)_client.Client.LocalEndPoint!).Port;
    }

    /// <summary>The client-side port: the same for every exchange, since the socket is never replaced.</summary>
    public int LocalPort { get; }

    /// <summary>Responses read on this connection.</summary>
    public int Responses { get; private set; }

    /// <summary>The last reply said <c>Connection: close</c>: the server ends the connection, a client opens another.</summary>
    public bool CloseAnnounced { get; private set; }

    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }

    /// <summary>Writes one request and reads its response (no pipelining: HttpListener drops requests sent ahead).</summary>
    public async Task<Response> SendAsync(string method, string path)
    {
        await _stream.WriteAsync(Encoding.ASCII.GetBytes($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: golab-test\r\n\r\n"));
        return await ReadResponseAsync(method == "HEAD");
    }

    public Task<Response> GetAsync(string path) => SendAsync("GET", path);

    private async Task<Response> ReadResponseAsync(bool head)
    {
        var statusLine = await ReadLineAsync();
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || parts[0] != "HTTP/1.1" || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var status))
            throw new InvalidDataException($"not an HTTP/1.1 status line: \"{statusLine}\"");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await ReadLineAsync(); line.Length > 0; line = await ReadLineAsync())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        if (headers.ContainsKey("Transfer-Encoding")) throw new InvalidDataException("chunked reply: expected a Content-Length");
        if (!headers.TryGetValue("Content-Length", out var lengthText)) throw new InvalidDataException($"{status} reply without Content-Length");
        var body = new byte[head ? 0 : int.Parse(lengthText, CultureInfo.InvariantCulture)];
        for (var read = 0; read < body.Length;)
        {
            if (_start == _end) await FillAsync();
            var n = Math.Min(body.Length - read, _end - _start);
            Array.Copy(_buffer, _start, body, read, n);
            _start += n;
            read += n;
        }

        Responses++;
        CloseAnnounced = headers.TryGetValue("Connection", out var connection) && connection.Equals("close", StringComparison.OrdinalIgnoreCase);
        return new Response(status, headers, body);
    }

    private async Task<string> ReadLineAsync()
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end) await FillAsync();
            var b = _buffer[_start++];
            if (b == '\n') return line.ToString().TrimEnd('\r');
            line.Append((char)b);
            if (line.Length > 8192) throw new InvalidDataException("header line too long");
        }
    }

    private async Task FillAsync()
    {
        _start = 0;
        _end = await _stream.ReadAsync(_buffer);
        if (_end == 0) throw new IOException($"the server closed the connection after {Responses} responses");
    }

    public void Dispose() => _client.Dispose();
}
