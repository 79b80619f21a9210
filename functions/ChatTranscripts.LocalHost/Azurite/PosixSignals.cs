using System.Runtime.InteropServices;

namespace ChatTranscripts.LocalHost.Azurite;

internal static class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>SIGTERM: asks the process to shut down in its own way.</summary>
    public static void Terminate(int processId) => _ = SendSignal(processId, SigTerm);

    /// <summary>POSIX kill(2): .NET can only send SIGKILL, which gives Azurite no chance to close its servers.</summary>
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);
}
