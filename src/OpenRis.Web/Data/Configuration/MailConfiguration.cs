using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenRis.Web.Model;

namespace OpenRis.Web.Data.Configuration;

internal sealed class MailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> mail)
    {
        mail.HasIndex(m => m.DeduplicationKey).IsUnique();
        // The dispatcher's query: pending rows that are due.
        mail.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        mail.Property(m => m.DeduplicationKey).HasMaxLength(200);
        mail.Property(m => m.ToAddress).HasMaxLength(320);
        mail.Property(m => m.ToName).HasMaxLength(200);
        mail.Property(m => m.Subject).HasMaxLength(500);
        mail.Property(m => m.LastError).HasMaxLength(1000);
        mail.Property(m => m.ListUnsubscribeUrl).HasMaxLength(500);
    }
}
