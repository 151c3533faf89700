using System.Diagnostics;
using System.Reflection;

namespace Tansiq.Cli.Tests.Install;

/// <summary>
/// The two ways to get `tansiq` on a machine, run for real: the launcher script through a symbolic link, and the .NET
/// tool package from eng/pack.sh installed with `dotnet tool install`. Slow (each builds the CLI in Release, minutes on
/// a busy machine), so each is one test.
/// </summary>
public sealed class InstallTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tansiq-install-" + Guid.NewGuid().ToString("N"));

    public InstallTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The repository: the first folder above the test assembly that holds Tansiq.slnx.</summary>
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tansiq.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Tansiq.slnx not found above " + AppContext.BaseDirectory);
    }

    private static (int Exit, string Out, string Err) Exec(string file, string workingDirectory, IDictionary<string, string>? env, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The CLI assembly's version in this test run (without the commit): the installed copies must print it.</summary>
    private static string Version() =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    [Fact]
    public void Launcher_SymlinkedIntoAnotherFolder_FindsTheRepositoryAndRuns()
    {
        var link = Path.Combine(_dir, "bin", "tansiq");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, Path.Combine(Root(), "tansiq"));

        // Run from a folder that is neither the repository nor the link's.
        var (exit, output, err) = Exec(link, Path.GetTempPath(), null, "--version");

        Assert.True(exit == 0, err);
        Assert.Equal(Version(), output.Trim().Split('+')[0]);
    }

    [Fact]
    public void PackAndToolInstall_IntoAToolPath_TansiqRunsFromThere()
    {
        var packages = Path.Combine(_dir, "packages");
        var env = new Dictionary<string, string> { ["TANSIQ_PACK_OUT"] = packages, ["TANSIQ_PACK_BUILD"] = Path.Combine(_dir, "build") };
        var (packed, packOut, packErr) = Exec("bash", Root(), env, Path.Combine(Root(), "eng", "pack.sh"));
        Assert.True(packed == 0, packOut + packErr);
        Assert.Single(Directory.GetFiles(packages, "Tansiq.*.nupkg"));

        var tools = Path.Combine(_dir, "tools");
        var (installed, installOut, installErr) = Exec("dotnet", _dir, null, "tool", "install", "--tool-path", tools, "--add-source", packages, "Tansiq");
        Assert.True(installed == 0, installOut + installErr);

        var (exit, output, err) = Exec(Path.Combine(tools, "tansiq"), _dir, null, "--version");
        Assert.True(exit == 0, err);
        Assert.Equal(Version(), output.Trim().Split('+')[0]);
    }
}
