using MimeKit;
using OpenRis.Web.Mail;

namespace OpenRis.Web.Tests.Mail;

/// <summary>Reads a sink like a mailbox: dispatches what is queued, then returns what arrived since the last look.</summary>
internal sealed class MailInbox(SmtpSink sink, MailDispatcher dispatcher)
{
    private int _seen;

    public async Task<List<MimeMessage>> NewAsync()
    {
        await dispatcher.DispatchPendingAsync(TestContext.Current.CancellationToken);
        var all = sink.Messages;
        var fresh = all.Skip(_seen).ToList();
        _seen = all.Count;
        return fresh;
    }
}
