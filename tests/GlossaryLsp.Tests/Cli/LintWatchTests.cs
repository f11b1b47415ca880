using System.Diagnostics;
using System.Threading.Channels;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Cli;

/// <summary><c>glossary lint --watch</c> as a real process: it reports again after each change on disk and exits 0 on SIGINT (Ctrl-C).</summary>
public sealed class LintWatchTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Reports_again_after_each_change_including_other_files_it_affects_and_exits_0_on_sigint()
    {
        var anchor = AnchorCodec.Encode("転移学習 | Transfer Learning");
        _workspace.Write("glossary/ml.md", $"<!-- 記事URL:https://example.org/glossary/ml.md# -->\n\n## 転移学習 | Transfer Learning<a id=\"{anchor}\"></a>\n\n- 再利用する 🌲\n");
        _workspace.Write("posts/a.md", $"[転移学習](../glossary/ml.md#{anchor})を使う。\n");
        // As in a terminal, where Ctrl-C reaches the foreground process: a test run started in the background
        // of a script inherits SIGINT ignored (POSIX), which the .NET runtime keeps, so it is set to its default.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = _workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            ArgumentList = { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "glossary.dll"), "lint", "--watch" },
        };
        using var process = Process.Start(start)!;
        var lines = Channel.CreateUnbounded<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Writer.TryWrite(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            (await Until(lines, "No problems in 2 files")).Should().BeEmpty();

            // The heading is edited in one file: the link in the other breaks.
            _workspace.Write("glossary/ml.md", $"<!-- 記事URL:https://example.org/glossary/ml.md# -->\n\n## 転移学習 | Transfer learning (TL)\n\n- 再利用する 🌲\n");
            var report = await Until(lines, "1 error in 2 files");
            report.Should().Equal(
                "--- " + report[0][4..12] + " changed: glossary/ml.md",
                $"posts/a.md:1:8: error GL0002 No term or heading with anchor '#{anchor}' ('転移学習 | Transfer Learning') in glossary/ml.md");

            // A new file with a broken link is reported too.
            _workspace.Write("posts/b.md", "[どこか](missing.md)\n");
            (await Until(lines, "2 errors in 3 files")).Skip(1).Should().Equal(
                $"posts/a.md:1:8: error GL0002 No term or heading with anchor '#{anchor}' ('転移学習 | Transfer Learning') in glossary/ml.md",
                "posts/b.md:1:7: error GL0001 Link target not found: no document at 'posts/missing.md'");

            Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            using var timeout = new CancellationTokenSource(Patience);
            await process.WaitForExitAsync(timeout.Token);
            process.ExitCode.Should().Be(0, "Ctrl-C ends watching normally");
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    /// <summary>The lines read until <paramref name="last"/> (without it).</summary>
    private static async Task<List<string>> Until(Channel<string> lines, string last)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var seen = new List<string>();
        while (true)
        {
            var line = await lines.Reader.ReadAsync(timeout.Token);
            if (line == last) return seen;
            seen.Add(line);
        }
    }
}
