using System.Reflection;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace GoRuntimeLab.Notebooks.Runner;

/// <summary>
/// Builds the in-process kernel a notebook runs in: C# with the kernel helpers (display, HTML), <c>#r "nuget:"</c>,
/// <c>#!import</c> and value sharing — what the dotnet-interactive tool gives a notebook, minus Jupyter.
/// </summary>
/// <remarks>
/// The .NET Interactive libraries resolve NuGet packages but do not load the kernel extensions shipped in them
/// (that code lives only in the tool's App.dll), so <see cref="LoadPackageExtensionsAsync"/> does it: every
/// <c>IKernelExtension</c> under a package's <c>interactive-extensions/dotnet</c> folder is loaded, as the tool does.
/// </remarks>
public static class KitKernel
{
    public static CompositeKernel Create()
    {
        CompositeKernel composite = null!;
        var csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseValueSharing()
            .UseWho()
            .UseNugetDirective((kernel, references) => LoadPackageExtensionsAsync(kernel, references, composite), false);
        composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        composite.UseImportMagicCommand();
        return composite;
    }

    private static async Task LoadPackageExtensionsAsync(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> references, CompositeKernel composite)
    {
        kernel.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
        foreach (var reference in references)
        {
            var folder = Path.Combine(reference.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder)) continue;
            foreach (var dll in Directory.GetFiles(folder, "*.dll"))
            {
                // Prefer the copy the package's lib folder gave the kernel, so one assembly is loaded, not two.
                var path = reference.AssemblyPaths.FirstOrDefault(p => Path.GetFileName(p) == Path.GetFileName(dll)) ?? dll;
                var assembly = Assembly.LoadFrom(path);
                foreach (var type in assembly.GetExportedTypes().Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && !t.IsAbstract))
                    await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(composite).ConfigureAwait(false);
            }
        }
    }
}
