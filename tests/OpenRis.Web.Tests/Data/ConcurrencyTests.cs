using Microsoft.EntityFrameworkCore;

namespace OpenRis.Web.Tests.Data;

public sealed class ConcurrencyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TwoEditsOfOnePaper_SecondGetsConflictNotSilentOverwrite(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = await database.MigratedContextAsync())
        {
            await Graph.CreateAsync(setup);
        }
        await using var first = database.NewContext(actor: "clerk.a");
        await using var second = database.NewContext(actor: "clerk.b");
        var a = await first.Papers.SingleAsync(Token);
        var b = await second.Papers.SingleAsync(Token);

        a.Name = "Fassung A";
        await first.SaveChangesAsync(Token);
        b.Name = "Fassung B";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Token));
        await using var check = database.NewContext();
        Assert.Equal("Fassung A", (await check.Papers.SingleAsync(Token)).Name);
    }
}
