using System.Text;
using GlossaryLsp.Cli;

namespace GlossaryLsp.Tests.Cli;

/// <summary>A throw-away workspace folder on disk, and <c>glossary</c> run in-process as if started in a folder of it.</summary>
internal sealed class CliWorkspace : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("glossary-cli-").FullName;

    public CliWorkspace Write(string path, string text) => WriteBytes(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes every file of a fixture, without its markers.</summary>
    public CliWorkspace Write(Fixture fixture)
    {
        foreach (var file in fixture.Files) Write(file.Path, file.Text);
        return this;
    }

    public CliWorkspace WriteBytes(string path, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Root, path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Runs the tool with the current directory at <paramref name="cwd"/> (relative to the root).</summary>
    public (int Exit, string Stdout, string Stderr) Run(string cwd, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = Program.Run(args, stdout, stderr, Path(cwd));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
