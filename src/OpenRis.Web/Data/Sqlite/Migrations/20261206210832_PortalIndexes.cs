using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenRis.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortalIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Papers_Status_Public",
                table: "Papers");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Status_Created_Id",
                table: "Papers",
                columns: new[] { "Status", "Created", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Status_Date_Id",
                table: "Papers",
                columns: new[] { "Status", "Date", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Papers_Status_Created_Id",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_Papers_Status_Date_Id",
                table: "Papers");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Status_Public",
                table: "Papers",
                columns: new[] { "Status", "Public" });
        }
    }
}
