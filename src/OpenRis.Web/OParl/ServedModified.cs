using OpenRis.Web.Model;

namespace OpenRis.Web.OParl;

/// <summary>
/// The modified each embedded object is served with alone, so that a parent embeds its children with
/// exactly that value (embedded and standalone forms agree). Children are rendered before parents.
/// </summary>
public sealed class ServedModified(Dictionary<(string Type, long Id), DateTime> served)
{
    public static readonly ServedModified None = new([]);

    public DateTime Of(string type, OParlObject o) =>
        served.TryGetValue((type, o.Id), out var modified) ? modified : OParlTime.Floor(o.Modified);
}
