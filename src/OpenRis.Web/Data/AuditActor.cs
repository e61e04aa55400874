namespace OpenRis.Web.Data;

/// <summary>Who is acting in this scope, for the audit trail: the signed-in user, or a command-line verb.</summary>
public sealed class AuditActor
{
    public string Name { get; set; } = "system";
}
