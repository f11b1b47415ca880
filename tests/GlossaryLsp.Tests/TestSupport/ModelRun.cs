// How many sequences a model-based test runs, and the tally of what ran. The suite runs a few hundred;
// tests/model/run.sh sets GLOSSARY_MODEL_ITERATIONS or GLOSSARY_MODEL_SECONDS for longer runs (and
// GLOSSARY_MODEL_SEED to replay one), and reads the tally from GLOSSARY_MODEL_REPORT.
using CsCheck;

namespace GlossaryLsp.Tests.TestSupport;

public static class ModelRun
{
    private static readonly object Gate = new();

    /// <summary>
    /// Runs <paramref name="sequence"/> on generated inputs (CsCheck shrinks a failing one and reports
    /// it with its seed); <paramref name="sequence"/> returns how many steps it ran.
    /// </summary>
    public static void Run<T>(string name, Gen<T> gen, Func<T, int> sequence, int iterations, Func<T, string> print)
    {
        var (seed, iter, seconds) = Settings(iterations);
        long sequences = 0, steps = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            gen.Sample(input =>
            {
                int ran = sequence(input);
                Interlocked.Increment(ref sequences);
                Interlocked.Add(ref steps, ran);
            }, seed: seed, iter: iter, time: seconds, print: print);
        }
        finally
        {
            Report($"{name}: {sequences} sequences, {steps} steps in {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }

    /// <summary>Like <see cref="Run{T}"/> for sequences that wait for a server: they wait without holding a thread.</summary>
    public static async Task RunAsync<T>(string name, Gen<T> gen, Func<T, Task<int>> sequence, int iterations, Func<T, string> print)
    {
        var (seed, iter, seconds) = Settings(iterations);
        long sequences = 0, steps = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await gen.SampleAsync(async input =>
            {
                int ran = await sequence(input);
                Interlocked.Increment(ref sequences);
                Interlocked.Add(ref steps, ran);
            }, seed: seed, iter: iter, time: seconds, print: print);
        }
        finally
        {
            Report($"{name}: {sequences} sequences, {steps} steps in {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }

    /// <summary>The seed, iterations and seconds to run: the environment's, else <paramref name="iterations"/> sequences.</summary>
    private static (string? Seed, long Iterations, int Seconds) Settings(int iterations)
    {
        var seconds = Environment.GetEnvironmentVariable("GLOSSARY_MODEL_SECONDS") is { } s && int.TryParse(s, out var t) ? t : -1;
        var iter = Environment.GetEnvironmentVariable("GLOSSARY_MODEL_ITERATIONS") is { } i && long.TryParse(i, out var n) ? n : iterations;
        return (Environment.GetEnvironmentVariable("GLOSSARY_MODEL_SEED"), seconds > 0 ? -1 : iter, seconds);
    }

    private static void Report(string line)
    {
        if (Environment.GetEnvironmentVariable("GLOSSARY_MODEL_REPORT") is not { Length: > 0 } file) return;
        lock (Gate) File.AppendAllText(file, line + Environment.NewLine);
    }
}
