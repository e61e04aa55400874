using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Pages.Workspace.Accounts;

/// <summary>The fields of an account the administrator sets: who it is, its role and the organization it acts for.</summary>
public sealed class AccountForm
{
    [Display(Name = "Name (wie unter einer Unterschrift)")]
    [Required(ErrorMessage = "Bitte geben Sie den Namen an.")]
    [StringLength(200)]
    public string? DisplayName { get; set; }

    [Display(Name = "Funktion (z. B. Fraktionsgeschäftsführerin)")]
    [StringLength(200)]
    public string? Function { get; set; }

    [Display(Name = "E-Mail-Adresse")]
    [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
    public string? Email { get; set; }

    [Display(Name = "Rolle")]
    [Required(ErrorMessage = "Bitte wählen Sie die Rolle.")]
    public RisRole? Role { get; set; }

    [Display(Name = "Handelt für (Fraktion oder Dienststelle)")]
    public long? OrganizationId { get; set; }

    public static AccountForm Of(RisUser user) => new()
    {
        DisplayName = user.DisplayName,
        Function = user.Function,
        Email = user.Email,
        Role = user.Role,
        OrganizationId = user.OrganizationId,
    };

    /// <summary>Checks the role's binding and copies the fields onto the account; false with the errors in <paramref name="errors"/>.</summary>
    public bool ApplyTo(RisUser user, IReadOnlyList<Organization> organizations, ModelStateDictionary errors, string prefix)
    {
        var organization = organizations.FirstOrDefault(o => o.Id == OrganizationId);
        if (Role is { } role && RisUser.BindingError(role, organization) is { } error)
        {
            errors.AddModelError($"{prefix}.{nameof(OrganizationId)}", error);
        }
        if (!errors.IsValid)
        {
            return false;
        }
        user.DisplayName = DisplayName!.Trim();
        user.Function = string.IsNullOrWhiteSpace(Function) ? null : Function.Trim();
        user.Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        user.Role = Role!.Value;
        user.OrganizationId = organization?.Id;
        return true;
    }

    /// <summary>Factions and offices an account can act for, for the select.</summary>
    public static Task<List<Organization>> OrganizationsAsync(RisDbContext db, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking()
            .Where(o => o.OrganizationType == Organization.TypeFaction || o.OrganizationType == Organization.TypeAdministration)
            .OrderBy(o => o.OrganizationType).ThenBy(o => o.Name).ToListAsync(cancellationToken);

    /// <summary>Identity's refusals (duplicate name, weak password …) as form errors.</summary>
    public static void AddErrors(ModelStateDictionary errors, IdentityResult result, string key = "")
    {
        foreach (var error in result.Errors)
        {
            errors.AddModelError(key, error.Description);
        }
    }
}
