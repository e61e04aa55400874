using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenRis.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OParlDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OParlDocuments",
                columns: table => new
                {
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ObjectId = table.Column<long>(type: "bigint", nullable: false),
                    BodyId = table.Column<long>(type: "bigint", nullable: false),
                    Visible = table.Column<bool>(type: "boolean", nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    Created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    JsonOmitInternal = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OParlDocuments", x => new { x.Type, x.ObjectId });
                });

            migrationBuilder.CreateTable(
                name: "OParlProjectionState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    BaseUrl = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OParlProjectionState", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OParlDocuments_Type_BodyId_ObjectId",
                table: "OParlDocuments",
                columns: new[] { "Type", "BodyId", "ObjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OParlDocuments");

            migrationBuilder.DropTable(
                name: "OParlProjectionState");
        }
    }
}
