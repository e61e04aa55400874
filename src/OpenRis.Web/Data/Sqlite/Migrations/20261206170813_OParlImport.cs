using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenRis.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OParlImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OParlImportSources",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SystemUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Vendor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Watermark = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RunStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Cursor = table.Column<string>(type: "TEXT", nullable: true),
                    LastCompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OParlImportSources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OParlImportedObjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityId = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StandaloneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OParlImportedObjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OParlImportedObjects_OParlImportSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "OParlImportSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OParlImportedObjects_SourceId_SourceUrl",
                table: "OParlImportedObjects",
                columns: new[] { "SourceId", "SourceUrl" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OParlImportedObjects_Type_EntityId",
                table: "OParlImportedObjects",
                columns: new[] { "Type", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_OParlImportSources_SystemUrl",
                table: "OParlImportSources",
                column: "SystemUrl",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OParlImportedObjects");

            migrationBuilder.DropTable(
                name: "OParlImportSources");
        }
    }
}
