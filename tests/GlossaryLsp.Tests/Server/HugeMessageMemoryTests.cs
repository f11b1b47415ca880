using System.Buffers;
using System.Collections;
using System.Reflection;
using System.Text;
using GlossaryLsp.Server;
using Xunit.Abstractions;

namespace GlossaryLsp.Tests.Server;

/// <summary>
/// The process's memory after 20 MB <c>didChange</c>s (issue 14). Once the next small edit is served and a
/// full collection ran, the GC heap is its baseline plus only the byte arrays the shared
/// <see cref="ArrayPool{T}"/> keeps from deserializing the message (System.Text.Json under StreamJsonRpc:
/// a copy of the message and the parser's token table, both in the pool's bucket for 20 MB; see
/// docs/PERFORMANCE.md), and more such messages add nothing else. The client sends prebuilt bytes, so its
/// own serialization buffers are not in the measure; the heap is the whole process's, so this runs alone.
/// </summary>
[Collection(ProcessMemoryCollection.Name)]
public sealed class HugeMessageMemoryTests(ITestOutputHelper output)
{
    private const long Megabyte = 1024 * 1024;
    private const int HugeBytes = 20 * 1024 * 1024;

    /// <summary>The pool's bucket a 20 MB buffer is rented from: the next power of two.</summary>
    private const int HugeBucket = 32 * 1024 * 1024;

    /// <summary>What the heap may hold beyond its baseline and the pooled arrays (the runtime's own growth, not the 40 MB text).</summary>
    private const long Margin = 8 * Megabyte;

    [Fact]
    public async Task After_20_MB_didChanges_and_a_normal_edit_the_heap_is_its_baseline_plus_the_pooled_buffers_only()
    {
        var root = Path.Combine(Path.GetTempPath(), "glossary-lsp-tests", Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in Fixtures.Workspace()) LspTestClient.WriteFile(root, path, text);
        try
        {
            await using var c = new RawConnection(root);
            await c.InitializeAsync();
            var uri = ProtocolConversions.ToFileUri(Path.Combine(root, "記事.md"));
            var open = new { textDocument = new { uri, languageId = "markdown", version = 1, text = Fixtures.Article } };
            await c.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = open });
            int version = 1, id = 100;
            async Task NormalEditAsync()
            {
                var change = new { textDocument = new { uri, version = ++version }, contentChanges = new[] { new { text = Fixtures.Article } } };
                await c.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didChange", @params = change });
                await c.SendAsync(new { jsonrpc = "2.0", id = ++id, method = "textDocument/diagnostic", @params = new { textDocument = new { uri } } });
                var items = (await c.ReadResponseAsync(id)).GetProperty("result").GetProperty("items");
                items.EnumerateArray().Select(d => d.GetProperty("code").GetString())
                    .Should().Equal(Fixtures.Marked.Diagnostics.Where(d => d.Path == "記事.md").Select(d => d.Id), "the next edit is served as usual");
            }
            async Task HugeEditAsync()
            {
                await c.WriteRawAsync(HugeDidChange(uri, ++version));
                await c.SendAsync(new { jsonrpc = "2.0", id = ++id, method = "textDocument/diagnostic", @params = new { textDocument = new { uri } } });
                var items = (await c.ReadResponseAsync(id)).GetProperty("result").GetProperty("items");
                items.EnumerateArray().Select(d => d.GetProperty("message").GetString()).Should().Equal("document is 20 MB; documents over 16 MB are not analysed");
            }
            await NormalEditAsync();
            await NormalEditAsync();
            await OtherServersWarmUpsEndedAsync();
            var baseline = await SettledHeapAsync(long.MaxValue, new HashSet<Array>());

            await HugeEditAsync();
            await NormalEditAsync();
            var once = await SettledHeapAsync(baseline.Unpooled + Margin, baseline.Pooled);
            for (int i = 0; i < 4; i++)
            {
                await HugeEditAsync();
                await NormalEditAsync();
            }
            // Waits for the tighter of the two bounds it is held to below (the process's other garbage can make either lower).
            var fiveTimes = await SettledHeapAsync(Math.Min(baseline.Unpooled, once.Unpooled) + Margin, baseline.Pooled);

            c.Server.DroppedMessages.Should().Be(0);
            output.WriteLine($"baseline: {baseline}\nafter one: {once}\nafter five: {fiveTimes}");
            foreach (var after in new[] { once, fiveTimes })
            {
                after.Unpooled.Should().BeLessThanOrEqualTo(baseline.Unpooled + Margin, "nothing but the pool holds what a 20 MB message brought: {0}", after);
                after.NewLargeBytes.Where(n => n != HugeBucket).Should().BeEmpty("no buffer pooled since the baseline is larger than the bucket of the one 20 MB message");
                after.NewLargeChars.Should().BeEmpty("the server rents no chars for the message");
            }
            fiveTimes.Unpooled.Should().BeLessThanOrEqualTo(once.Unpooled + Margin, "repeating the message grows nothing outside the pool");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A framed didChange whose one change is 20 MB of escaped Markdown, built without any pooled buffer.</summary>
    private static byte[] HugeDidChange(string uri, int version)
    {
        var line = Encoding.UTF8.GetBytes(ServerFaultTests.HugeLine.Replace("\n", "\\n", StringComparison.Ordinal));
        var head = Encoding.UTF8.GetBytes(
            $$"""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"{{uri}}","version":{{version}}},"contentChanges":[{"text":""" + "\"");
        var tail = "\"}]}}"u8;
        int lines = HugeBytes / ServerFaultTests.HugeLine.Length;
        int body = head.Length + (lines * line.Length) + tail.Length;
        var prefix = Encoding.ASCII.GetBytes($"Content-Length: {body}\r\n\r\n");
        var frame = new byte[prefix.Length + body];
        prefix.CopyTo(frame, 0);
        head.CopyTo(frame, prefix.Length);
        int at = prefix.Length + head.Length;
        for (int i = 0; i < lines; i++, at += line.Length) line.CopyTo(frame, at);
        tail.CopyTo(frame.AsSpan(at));
        return frame;
    }

    /// <summary>
    /// Waits (at most a minute) until no server of an earlier test is still warming up: its lowest-priority thread
    /// ("glossary warm-up", "glossary warm-u" as Linux names it) holds that server's last snapshot until it ends,
    /// and on a busy machine it may end only while this test measures. Linux only (the threads' names in /proc).
    /// </summary>
    private static async Task OtherServersWarmUpsEndedAsync()
    {
        const string tasks = "/proc/self/task";
        for (int attempt = 0; attempt < 600 && Directory.Exists(tasks); attempt++)
        {
            if (!Directory.GetDirectories(tasks).Any(IsWarmUp)) return;
            await Task.Delay(100);
        }

        static bool IsWarmUp(string task)
        {
            try { return File.ReadAllText(Path.Combine(task, "comm")).StartsWith("glossary warm", StringComparison.Ordinal); }
            catch (IOException) { return false; } // the thread ended
        }
    }

    /// <summary>
    /// The heap after full, compacting collections, split into what the shared pools keep and the rest, with
    /// the large arrays pooled since <paramref name="before"/> (other tests of the process leave theirs).
    /// Background work begun before (a diagnostics pass, a warm-up) may still hold the last snapshot for a
    /// moment: retries until the rest is within the bound, for at most 10 s.
    /// </summary>
    private static async Task<Heap> SettledHeapAsync(long unpooledBound, IReadOnlySet<Array> before)
    {
        for (int attempt = 0; ; attempt++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var bytes = PooledArrays(ArrayPool<byte>.Shared);
            var chars = PooledArrays(ArrayPool<char>.Shared);
            long total = GC.GetTotalMemory(forceFullCollection: false);
            long pooled = bytes.Sum(a => (long)a.Length) + chars.Sum(a => 2L * a.Length);
            var heap = new Heap(total, total - pooled, bytes.Concat(chars).ToHashSet(), Large(bytes), Large(chars));
            if (heap.Unpooled <= unpooledBound || attempt == 100) return heap;
            await Task.Delay(100);
        }

        List<int> Large(List<Array> arrays) => [.. arrays.Where(a => a.Length >= Megabyte && !before.Contains(a)).Select(a => a.Length)];
    }

    /// <summary>
    /// Every array a shared pool keeps: in its per-core partitions and in each thread's slots (which it
    /// tracks in a table of them), found by walking its fields so that no runtime-internal name is assumed.
    /// An array it misses counts as unpooled, so a miss fails the test rather than hiding memory.
    /// </summary>
    private static List<Array> PooledArrays<T>(ArrayPool<T> pool)
    {
        var found = new List<Array>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(pool, 0);
        return found;

        void Walk(object? o, int depth)
        {
            if (o is null or string or Type or Delegate || depth > 12 || !seen.Add(o)) return;
            if (o is T[] array)
            {
                found.Add(array);
                return;
            }
            if (o is Array items)
            {
                if (!items.GetType().GetElementType()!.IsPrimitive) foreach (var item in items) Walk(item, depth + 1);
                return;
            }
            if (o.GetType().Name.StartsWith("ConditionalWeakTable", StringComparison.Ordinal))
            {
                foreach (var entry in (IEnumerable)o) Walk(entry, depth + 1);
                return;
            }
            for (var type = o.GetType(); type is not null; type = type.BaseType)
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    if (!field.FieldType.IsPrimitive && !field.FieldType.IsPointer) Walk(field.GetValue(o), depth + 1);
        }
    }

    /// <summary>The GC heap's total, the part of it no shared pool keeps, the pools' arrays, and the lengths of the new ones of 1 M elements or more.</summary>
    private sealed record Heap(long Total, long Unpooled, IReadOnlySet<Array> Pooled, List<int> NewLargeBytes, List<int> NewLargeChars)
    {
        public override string ToString() =>
            $"heap {Total / Megabyte} MB, unpooled {Unpooled / Megabyte} MB, new pooled bytes [{string.Join(", ", NewLargeBytes)}], chars [{string.Join(", ", NewLargeChars)}]";
    }
}

/// <summary>Tests that measure the whole process's heap run alone, after all others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    public const string Name = "Process memory";
}
