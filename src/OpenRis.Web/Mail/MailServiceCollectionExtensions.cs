using OpenRis.Web.Hosting;

namespace OpenRis.Web.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The mail queue's dispatcher (settings section "Mail"), also resolvable as itself so tests can dispatch now.</summary>
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        MailOptions options;
        try
        {
            options = builder.Configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException($"The Mail settings are invalid: {e.InnerException?.Message ?? e.Message}");
        }
        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            throw new StartupException("Mail:UserName and Mail:Password are set together or not at all.");
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<HandOverMails>();
        builder.Services.AddSingleton<MeetingMails>();
        builder.Services.AddSingleton<MailDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
        builder.Services.AddSingleton<DueDateReminders>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DueDateReminders>());
        return builder;
    }
}
