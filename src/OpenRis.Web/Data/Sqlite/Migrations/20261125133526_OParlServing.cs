using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenRis.Web.Data.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<byte[]>(
                name: "JsonOmitInternal",
                table: "OParlDocuments",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "Json",
                table: "OParlDocuments",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT");

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

            migrationBuilder.AlterColumn<string>(
                name: "JsonOmitInternal",
                table: "OParlDocuments",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Json",
                table: "OParlDocuments",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

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
