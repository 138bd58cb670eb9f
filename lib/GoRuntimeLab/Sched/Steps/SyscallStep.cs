// Mirrors: entersyscall/exitsyscall (and entersyscallblock for known-blocking calls) in proc.go, Go 1.13–1.23.
// Simplified: the syscall just takes Nanoseconds of wall time; the kernel is not modelled.
namespace GoRuntimeLab.Sched.Steps;

/// <summary>
/// A system call lasting <paramref name="Nanoseconds"/>. <paramref name="Blocking"/> = true uses
/// <c>entersyscallblock</c> (hands the P off at once); otherwise the P stays in <c>_Psyscall</c> until sysmon retakes it.
/// </summary>
public sealed record SyscallStep(long Nanoseconds, bool Blocking) : WorkloadStep
{
    public override string Describe() => Blocking
        ? $"syscall.Syscall(blocking, {GoDuration.Format(Nanoseconds)})"
        : $"syscall.Syscall({GoDuration.Format(Nanoseconds)})";
}
