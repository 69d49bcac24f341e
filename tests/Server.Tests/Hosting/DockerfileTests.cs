using System.Text.RegularExpressions;
using System.Xml.Linq;
using DreamOmni2.Server.Configuration;

namespace DreamOmni2.Server.Tests.Hosting;

/// <summary>The container build restores in a layer of its own from the project files alone: it must copy every one the server needs.</summary>
public sealed partial class DockerfileTests
{
    [Fact]
    public void The_restore_layer_copies_every_project_the_server_references()
    {
        string root = RepositoryLayout.Find(AppContext.BaseDirectory).Root;
        var copied = ProjectCopy().Matches(File.ReadAllText(Path.Combine(root, "Dockerfile"))).Select(m => m.Groups[1].Value).ToHashSet();

        var needed = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(["Server/Server.csproj"]);
        while (pending.TryPop(out string? project))
        {
            if (!needed.Add(project))
            {
                continue;
            }
            string folder = Path.GetDirectoryName(project)!;
            foreach (var reference in XDocument.Load(Path.Combine(root, project)).Descendants("ProjectReference"))
            {
                string path = Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(root, folder, reference.Attribute("Include")!.Value)));
                pending.Push(path.Replace('\\', '/'));
            }
        }

        Assert.Equal([], needed.Except(copied));
    }

    [GeneratedRegex(@"^COPY\s+(\S+\.csproj)\s", RegexOptions.Multiline)]
    private static partial Regex ProjectCopy();
}
