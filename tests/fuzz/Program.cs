using GlossaryLsp.Fuzz;
using SharpFuzz;

// Under afl-fuzz: SharpFuzz's fork server runs the checks on every input (an escaping exception is a
// crash; AFL's -t catches hangs). With file arguments: replays them and prints each one's outcome;
// with --show FILE: prints the workspace an input makes, its diagnostics and what link --write writes.
if (args is ["--show", var input])
{
    FuzzReport.Write(File.ReadAllBytes(input), Console.Out);
    return 0;
}
if (args.Length > 0)
{
    int failed = 0;
    foreach (var file in args)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            FuzzInvariants.Check(File.ReadAllBytes(file));
            Console.WriteLine($"ok   {clock.ElapsedMilliseconds,6} ms  {file}");
        }
        catch (Exception e)
        {
            failed++;
            Console.WriteLine($"FAIL {clock.ElapsedMilliseconds,6} ms  {file}\n     {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
    }
    return failed == 0 ? 0 : 1;
}

Fuzzer.Run(stream =>
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    FuzzInvariants.Check(memory.ToArray());
});
return 0;
