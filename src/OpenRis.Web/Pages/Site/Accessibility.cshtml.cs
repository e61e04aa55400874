using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenRis.Web.Files;

namespace OpenRis.Web.Pages.Site;

/// <summary>
/// The accessibility statement BITV 2.0 §7 requires, with its feedback mechanism. Feedback is stored as one
/// JSON file per message beside the file store ("feedback" folder), so that it needs no schema change and
/// survives a mail outage; the office responsible reads it from there.
/// </summary>
public sealed class AccessibilityModel(FileStoreOptions files, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Bitte beschreiben Sie die Barriere.")]
    [StringLength(5000, ErrorMessage = "Bitte fassen Sie sich kürzer (höchstens 5.000 Zeichen).")]
    public string? Message { get; set; }

    [BindProperty]
    [StringLength(200)]
    public string? Address { get; set; }

    [BindProperty]
    [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an oder lassen Sie das Feld leer.")]
    [StringLength(254)]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet(bool gesendet = false)
    {
        Sent = gesendet;
        ViewData["Title"] = "Erklärung zur Barrierefreiheit";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Erklärung zur Barrierefreiheit";
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(files.Root))!, "feedback");
        Directory.CreateDirectory(folder);
        var received = clock.GetUtcNow();
        var path = Path.Combine(folder, $"{received:yyyyMMddTHHmmss}-{Guid.NewGuid():N}.json");
        await System.IO.File.WriteAllTextAsync(path,
            JsonSerializer.Serialize(new Feedback(received, Message!.Trim(), Address?.Trim(), Email?.Trim())), cancellationToken);
        return RedirectToPage(new { gesendet = true });
    }

    internal sealed record Feedback(DateTimeOffset Received, string Message, string? Address, string? Email);
}
