using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Accounts;

/// <summary>What the shared account fields show: the form's values and the organizations to choose from.</summary>
public sealed record AccountFieldsView(AccountForm Form, IReadOnlyList<Organization> Organizations);
