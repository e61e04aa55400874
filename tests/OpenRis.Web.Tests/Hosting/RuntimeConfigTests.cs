using System.Text.Json;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>
/// The runtime settings that the soak benchmark's memory figure depends on (docs/performance.md,
/// "Soak"), read from the runtimeconfig.json that ships beside openris.dll and that the real-process
/// tests start with.
/// </summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void ShippedRuntimeConfig_DisablesThreadPoolHillClimbing()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "openris.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        // With hill climbing the pool kept adding threads under steady load, each with its own
        // Lucene readers and buffers: RSS rose 20 % in 10 minutes. Without it: within 1 %.
        Assert.True(
            properties.TryGetProperty("System.Threading.ThreadPool.HillClimbing.Disable", out var disabled) && disabled.ValueKind == JsonValueKind.True,
            $"System.Threading.ThreadPool.HillClimbing.Disable is not true in {properties}");
    }
}
