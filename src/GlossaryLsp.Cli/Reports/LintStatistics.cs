using System.Diagnostics;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Cli.Reports;

/// <summary>
/// <c>glossary lint --stats</c>: phase timings (process start, file scan, parse, index, analysis,
/// report) and counts, printed to stderr so that stdout stays the report.
/// </summary>
internal sealed class LintStatistics
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _analysisStart, _reportStart, _analysisCpuStart, _reportCpuStart;

    public LoadTimings Load { get; } = new();

    public void StartAnalysis() => (_analysisStart, _analysisCpuStart) = (_clock.Elapsed, Cpu());

    public void StartReport() => (_reportStart, _reportCpuStart) = (_clock.Elapsed, Cpu());

    public void Write(LintReport report, TextWriter stderr)
    {
        var end = _clock.Elapsed;
        using var process = Process.GetCurrentProcess();
        // Runtime start-up and JIT before the command began: what a cold process pays on top of the work.
        var startup = DateTime.Now - process.StartTime - end;
        var counts = report.Counts;
        stderr.WriteLine(
            $"stats: startup {Ms(startup)}, scan {Ms(Load.Scan)}, parse {Ms(Load.Parse)}, index {Ms(Load.Index)}, " +
            $"analysis {Ms(_reportStart - _analysisStart)}, report {Ms(end - _reportStart)}, total {Ms(DateTime.Now - process.StartTime)}");
        // CPU time tells the work apart from waiting on a busy machine.
        stderr.WriteLine(
            $"stats: cpu: load {Ms(_analysisCpuStart)}, analysis {Ms(_reportCpuStart - _analysisCpuStart)}, " +
            $"report {Ms(process.TotalProcessorTime - _reportCpuStart)}, total {Ms(process.TotalProcessorTime)}");
        stderr.WriteLine(
            $"stats: {report.FileCount} files, {report.TermCount} terms, {report.LinkCount} links, {counts.Total} diagnostics " +
            $"({string.Join(", ", counts.ByRule.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"))}); " +
            $"{Environment.ProcessorCount} threads, peak memory {process.PeakWorkingSet64 / (1024 * 1024)} MB, " +
            $"GC pauses {Ms(GC.GetTotalPauseDuration())} (gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)})");
    }

    private static TimeSpan Cpu() { using var p = Process.GetCurrentProcess(); return p.TotalProcessorTime; }

    private static string Ms(TimeSpan t) => $"{Math.Max(0, t.TotalMilliseconds):0} ms";
}
