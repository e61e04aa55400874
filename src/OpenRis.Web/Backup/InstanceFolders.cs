using OpenRis.Web.Accounts;
using OpenRis.Web.Files;

namespace OpenRis.Web.Backup;

/// <summary>
/// The folders of an instance that a backup carries besides the database: the file store, the keys
/// that protect sign-ins (without them every user is signed out and form tokens break) and the
/// accessibility feedback. The search index and the meeting packages are rebuilt from the data.
/// </summary>
internal static class InstanceFolders
{
    public static IReadOnlyList<(string Name, string Path)> Of(IServiceProvider services)
    {
        var root = services.GetRequiredService<FileStore>().Root;
        return
        [
            ("files", root),
            ("keys", SharedKeys.FolderOf(services.GetRequiredService<IConfiguration>(), root)),
            ("feedback", Path.Combine(Path.GetDirectoryName(root)!, "feedback")),
        ];
    }

    /// <summary>Copies every file below <paramref name="from"/>, except temporary files of interrupted writes.</summary>
    public static async Task<int> CopyAsync(string from, string to, CancellationToken ct)
    {
        var count = 0;
        if (!Directory.Exists(from))
        {
            return count;
        }
        foreach (var path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (path.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }
            var target = Path.Combine(to, Path.GetRelativePath(from, path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true))
            await using (var copy = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await source.CopyToAsync(copy, ct);
            }
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(path));
            count++;
        }
        return count;
    }

    public static bool HasFiles(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any();
}
