using System.Diagnostics;

namespace Tansiq.Service.Tests;

/// <summary>The built CLI's <c>serve</c> as a child process on a free loopback port (port 0; the server prints the one it got).</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static ServerProcess Start(IEnumerable<string> storageArgs)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tansiq.dll"));
        foreach (var a in (string[])["serve", .. storageArgs, "--urls", "http://127.0.0.1:0", "--detection-interval", "3600"])
        {
            info.ArgumentList.Add(a);
        }
        var process = Process.Start(info)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            const string marker = "listening on ";
            if (e.Data is { } line && line.Contains(marker, StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"the server exited with {process.ExitCode}: {stderr}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Bounded wait for the listening line (the first start compiles nothing, but a busy CI machine is slow).
        if (!listening.Task.Wait(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the server did not start within 90 s: {stderr}");
        }
        return new ServerProcess(process, listening.Task.Result);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no goodbye.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(30_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }
}
