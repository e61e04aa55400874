using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenRis.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OParlServing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OParlDocuments_Type_BodyId_ObjectId",
                table: "OParlDocuments");

            migrationBuilder.DropIndex(
                name: "IX_MeetingOrganizations_OrganizationId",
                table: "MeetingOrganizations");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationOrganization_OrganizationId",
                table: "ConsultationOrganization");

            migrationBuilder.AddColumn<long>(
                name: "DataVersion",
                table: "OParlProjectionState",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // The stored JSON becomes its UTF-8 bytes; text has no implicit cast to bytea.
            migrationBuilder.Sql("""ALTER TABLE "OParlDocuments" ALTER COLUMN "Json" TYPE bytea USING convert_to("Json", 'UTF8');""");
            migrationBuilder.Sql("""ALTER TABLE "OParlDocuments" ALTER COLUMN "JsonOmitInternal" TYPE bytea USING convert_to("JsonOmitInternal", 'UTF8');""");

            migrationBuilder.CreateIndex(
                name: "IX_OParlDocuments_Type_BodyId_ObjectId_Visible_Deleted",
                table: "OParlDocuments",
                columns: new[] { "Type", "BodyId", "ObjectId", "Visible", "Deleted" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingOrganizations_OrganizationId_MeetingId",
                table: "MeetingOrganizations",
                columns: new[] { "OrganizationId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationOrganization_OrganizationId_ConsultationId",
                table: "ConsultationOrganization",
                columns: new[] { "OrganizationId", "ConsultationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OParlDocuments_Type_BodyId_ObjectId_Visible_Deleted",
                table: "OParlDocuments");

            migrationBuilder.DropIndex(
                name: "IX_MeetingOrganizations_OrganizationId_MeetingId",
                table: "MeetingOrganizations");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationOrganization_OrganizationId_ConsultationId",
                table: "ConsultationOrganization");

            migrationBuilder.DropColumn(
                name: "DataVersion",
                table: "OParlProjectionState");

            migrationBuilder.Sql("""ALTER TABLE "OParlDocuments" ALTER COLUMN "JsonOmitInternal" TYPE text USING convert_from("JsonOmitInternal", 'UTF8');""");
            migrationBuilder.Sql("""ALTER TABLE "OParlDocuments" ALTER COLUMN "Json" TYPE text USING convert_from("Json", 'UTF8');""");

            migrationBuilder.CreateIndex(
                name: "IX_OParlDocuments_Type_BodyId_ObjectId",
                table: "OParlDocuments",
                columns: new[] { "Type", "BodyId", "ObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingOrganizations_OrganizationId",
                table: "MeetingOrganizations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationOrganization_OrganizationId",
                table: "ConsultationOrganization",
                column: "OrganizationId");
        }
    }
}
