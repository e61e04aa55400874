using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenRis.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDeadlineRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeadlineRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<long>(type: "INTEGER", nullable: false),
                    PaperKindId = table.Column<long>(type: "INTEGER", nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FilingPeriod = table.Column<int>(type: "INTEGER", nullable: false),
                    FilingUnit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CutOffTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    InvitationPeriod = table.Column<int>(type: "INTEGER", nullable: true),
                    InvitationUnit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AnswerPeriod = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerBasis = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineRules_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeadlineRules_PaperKinds_PaperKindId",
                        column: x => x.PaperKindId,
                        principalTable: "PaperKinds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineRules_BodyId_PaperKindId",
                table: "DeadlineRules",
                columns: new[] { "BodyId", "PaperKindId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineRules_PaperKindId",
                table: "DeadlineRules",
                column: "PaperKindId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineRules");
        }
    }
}
