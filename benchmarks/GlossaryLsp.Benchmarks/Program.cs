using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GlossaryLsp.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/GlossaryLsp.Benchmarks -- --filter '*'</c>.
/// <c>--quick</c> runs every benchmark in-process with few iterations; every other argument is
/// BenchmarkDotNet's own (<c>--job short</c>, <c>--list flat</c>, …). <c>--keystrokes [corpus]</c> prints the
/// distribution of single keystrokes' re-analysis times instead (<see cref="KeystrokeLatency"/>), <c>--lenses [corpus]</c>
/// that of code lens resolves (<see cref="LensLatency"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.FirstOrDefault() == "--keystrokes")
        {
            KeystrokeLatency.Run(args.ElementAtOrDefault(1) ?? "1000x100");
            return;
        }
        if (args.FirstOrDefault() == "--lenses")
        {
            LensLatency.Run(args.ElementAtOrDefault(1) ?? "1000x100");
            return;
        }
        IConfig config = DefaultConfig.Instance;
        if (args.Contains("--quick"))
        {
            args = [.. args.Where(a => a != "--quick")];
            config = DefaultConfig.Instance.AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5)
                .WithId("Quick"));
        }
        if (!args.Contains("--filter") && !args.Contains("--list")) args = [.. args, "--filter", "*"];
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
