using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0].StartsWith("text-", StringComparison.Ordinal))
{
    return Tansiq.Benchmarks.Text.TextBench.Run(args);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
