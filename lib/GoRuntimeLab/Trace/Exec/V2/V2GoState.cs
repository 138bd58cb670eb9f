namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>resources.go GoState (Go 1.22.12, 1.23.5): what the reader says a goroutine's state was and became.</summary>
internal enum V2GoState : byte
{
    Undetermined, NotExist, Runnable, Running, Waiting, Syscall,
}
