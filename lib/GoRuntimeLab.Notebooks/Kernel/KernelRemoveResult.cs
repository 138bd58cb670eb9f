namespace GoRuntimeLab.Notebooks.Kernel;

/// <summary>What <see cref="KernelInstaller.Remove"/> did.</summary>
/// <param name="Name">The kernel name.</param>
/// <param name="KernelDir">The kernelspec folder that was (or would have been) removed.</param>
/// <param name="Removed">False when there was no such kernelspec (nothing to do).</param>
public sealed record KernelRemoveResult(string Name, string KernelDir, bool Removed);
