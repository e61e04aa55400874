using Microsoft.AspNetCore.DataProtection;
using OpenRis.Web.Files;

namespace OpenRis.Web.Accounts;

/// <summary>
/// The keys that protect login cookies and antiforgery tokens live in a folder every web node
/// shares (by default beside the file store, which all nodes must see anyway), so a user signed
/// in on one node stays signed in on the next, and a restart does not sign everyone out.
/// </summary>
public static class SharedKeys
{
    public const string Setting = "DataProtection:KeysFolder";

    public static IHostApplicationBuilder AddSharedKeys(this IHostApplicationBuilder builder)
    {
        var filesRoot = builder.Configuration.GetSection(FileStoreOptions.Section).Get<FileStoreOptions>()?.Root ?? new FileStoreOptions().Root;
        var folder = FolderOf(builder.Configuration, filesRoot);
        builder.Services.AddDataProtection()
            .SetApplicationName("openris")
            .PersistKeysToFileSystem(new DirectoryInfo(folder));
        return builder;
    }

    public static string FolderOf(IConfiguration configuration, string filesRoot) =>
        configuration[Setting] ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(filesRoot))!, "keys");
}
