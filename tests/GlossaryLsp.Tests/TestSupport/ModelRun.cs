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
    public static void Run<T>(string name, Gen<T> gen, Func<T, int> sequence, int iterations, Func<T, string> print, int threads = -1)
    {
        long sequences = 0, steps = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var seconds = Environment.GetEnvironmentVariable("GLOSSARY_MODEL_SECONDS") is { } s && int.TryParse(s, out var t) ? t : -1;
        var iter = Environment.GetEnvironmentVariable("GLOSSARY_MODEL_ITERATIONS") is { } i && long.TryParse(i, out var n) ? n : iterations;
        var seed = Environment.GetEnvironmentVariable("GLOSSARY_MODEL_SEED");
        try
        {
            gen.Sample(input =>
            {
                int ran = sequence(input);
                Interlocked.Increment(ref sequences);
                Interlocked.Add(ref steps, ran);
            }, seed: seed, iter: seconds > 0 ? -1 : iter, time: seconds, threads: threads, print: print);
        }
        finally
        {
            Report($"{name}: {sequences} sequences, {steps} steps in {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }

    private static void Report(string line)
    {
        if (Environment.GetEnvironmentVariable("GLOSSARY_MODEL_REPORT") is not { Length: > 0 } file) return;
        lock (Gate) File.AppendAllText(file, line + Environment.NewLine);
    }
}
