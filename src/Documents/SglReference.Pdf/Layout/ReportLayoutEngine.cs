using SglReference.Domain.Presentation;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Pdf.Fonts;

namespace SglReference.Pdf.Layout;

/// <summary>
/// Computes the pages of a CR-Bio PDF from the report: lab header, patient, request, specimens, results by
/// chapter → battery → result in aligned columns, microbiology with antibiograms, comments, validation, and on
/// every page the version, the document id and "Page n / N". Pure: the same inputs give the same layout.
/// </summary>
public static class ReportLayoutEngine
{
    /// <summary>
    /// Lays out the version for <paramref name="audience"/>: <paramref name="view"/> is the report as that audience reads
    /// it (<see cref="AudienceView.For"/>, decided once by the engine for the PDF and the CDA alike).
    /// </summary>
    public static ReportLayout Build(LabReport view, Audience audience, DocumentIdentity identity, DocumentSettings settings, FontSet fonts)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fonts);
        return new Builder(view, audience, identity, settings, fonts).Build();
    }

    /// <summary>"Version professionnel de santé", "Version patient", or null for the single version.</summary>
    public static string? VersionLabel(Audience audience) => audience switch
    {
        Audience.Professional => "Version professionnel de santé",
        Audience.Patient => "Version patient",
        _ => null,
    };

    private sealed class Builder
    {
        private const double PageWidth = ReportLayout.A4Width;
        private const double PageHeight = ReportLayout.A4Height;
        private const double Left = 42;
        private const double Right = PageWidth - 42;
        private const double Top = 40;
        private const double Bottom = PageHeight - 56;
        private const double Body = 8.5;
        private const double Small = 7;
        private const double LabelX = Left;
        private const double LabelWidth = 178;
        private const double ValueRight = Left + 244;
        private const double ValueWidth = 60;
        private const double FlagX = Left + 248;
        private const double UnitX = Left + 268;
        private const double UnitWidth = 62;
        private const double RangeX = Left + 332;
        private const double RangeWidth = 110;
        private const double PreviousX = Left + 446;
        private const double PreviousWidth = Right - PreviousX;

        private readonly LabReport _report;
        private readonly Audience _audience;
        private readonly DocumentIdentity _identity;
        private readonly DocumentSettings _settings;
        private readonly FontSet _fonts;
        private readonly List<Block> _flow = [];

        public Builder(LabReport report, Audience audience, DocumentIdentity identity, DocumentSettings settings, FontSet fonts)
        {
            _report = report;
            _audience = audience;
            _identity = identity;
            _settings = settings;
            _fonts = fonts;
        }

        private static double LineHeight(double size) => size * 1.3;

        public ReportLayout Build()
        {
            HeaderBlocks();
            foreach (var chapter in _report.Chapters)
            {
                ChapterBlocks(chapter);
            }

            CommentSection();
            ValidationBlocks();
            var pages = Paginate();
            var label = VersionLabel(_audience);
            var metadata = new PdfMetadata(
                $"Compte rendu d'examens biologiques {_report.ReportId}" + (label is null ? string.Empty : $" ({label.ToLowerInvariant()})"),
                _report.Laboratory.Name,
                "Compte rendu d'examens de biologie médicale (CR-Bio)",
                "CR-Bio; biologie médicale; " + _report.ReportId,
                "SglReference",
                _report.ValidatedAt);
            return new ReportLayout(PageWidth, PageHeight, pages, metadata, _fonts);
        }

        // ---------------------------------------------------------------------------------------------- header

        private void HeaderBlocks()
        {
            var lab = _report.Laboratory;
            var labLines = new List<(string Text, FontFace Face, double Size, Rgb Color)>
            {
                (lab.Name, FontFace.Bold, 11, Rgb.Accent),
            };
            foreach (var line in lab.Address.Lines)
            {
                labLines.Add((line, FontFace.Regular, Body, Rgb.Black));
            }

            labLines.Add(($"{lab.Address.PostalCode} {lab.Address.City}".Trim(), FontFace.Regular, Body, Rgb.Black));
            var phones = string.Join(" · ", lab.Telecoms.Where(t => t.Kind != TelecomKind.Email).Select(t => (t.Kind == TelecomKind.Fax ? "Fax " : "Tél. ") + t.Value));
            if (phones.Length > 0)
            {
                labLines.Add((phones, FontFace.Regular, Body, Rgb.Black));
            }

            labLines.Add(($"FINESS {lab.FinessGeographique}", FontFace.Regular, Small, Rgb.Gray));
            var accreditation = _settings.AccreditationLine(lab);
            var leftItems = new List<(string, FontFace, double, Rgb)>();
            foreach (var l in labLines)
            {
                foreach (var wrapped in Wrap(l.Text, l.Face, l.Size, 255))
                {
                    leftItems.Add((wrapped, l.Face, l.Size, l.Color));
                }
            }

            if (accreditation is not null)
            {
                foreach (var wrapped in Wrap(accreditation, FontFace.Regular, Small - 0.5, 255))
                {
                    leftItems.Add((wrapped, FontFace.Regular, Small - 0.5, Rgb.Gray));
                }
            }

            var p = _report.Patient;
            var boxX = Left + 272;
            var boxWidth = Right - boxX;
            var rightLines = new List<(string, FontFace, double, Rgb)> { ("PATIENT", FontFace.Bold, Small, Rgb.Gray) };
            void Add(string text, FontFace face = FontFace.Regular, double size = Body, Rgb? color = null)
            {
                foreach (var wrapped in Wrap(text, face, size, boxWidth - 12))
                {
                    rightLines.Add((wrapped, face, size, color ?? Rgb.Black));
                }
            }

            Add("Nom de naissance : " + p.BirthName, FontFace.Bold, 9.5);
            if (p.UsedName is { } used)
            {
                Add("Nom utilisé : " + used, FontFace.Bold);
            }

            Add("Prénom(s) de naissance : " + string.Join(' ', p.BirthGivenNames));
            if (p.UsedGivenName is { } usedGiven)
            {
                Add("Prénom utilisé : " + usedGiven);
            }

            Add($"Né(e) le {FrenchText.Date(p.BirthDate)} ({p.AgeAt(DateOnly.FromDateTime(_report.ValidatedAt.DateTime))} ans) · Sexe : {FrenchText.Sex(p.Sex)}");
            if (p.QualifiedIns is { } ins)
            {
                Add($"INS : {ins.Matricule} ({InsLabel(ins)})");
            }

            Add("IPP : " + p.Ipp.Value);
            if (p.Address is { } address)
            {
                Add(string.Join(", ", address.Lines.Append($"{address.PostalCode} {address.City}".Trim()).Where(s => s.Length > 0)), FontFace.Regular, Small, Rgb.Gray);
            }

            if (p.LegalRepresentative is { } rep)
            {
                Add($"Représentant légal : {rep.GivenName} {rep.FamilyName}".Replace("  ", " ", StringComparison.Ordinal), FontFace.Regular, Small, Rgb.Gray);
            }

            var leftHeight = leftItems.Sum(l => LineHeight(l.Item3));
            var rightHeight = rightLines.Sum(l => LineHeight(l.Item3)) + 10;
            var height = Math.Max(leftHeight, rightHeight) + 8;
            _flow.Add(new Block(StructureRole.Paragraph, height, top =>
            {
                var items = new List<LayoutItem>();
                var y = top;
                foreach (var (text, face, size, color) in leftItems)
                {
                    y += LineHeight(size);
                    items.Add(new TextItem(Left, y - (LineHeight(size) - Ascent(size)) - 1, text, face, size, color));
                }

                items.Add(new RectItem(boxX, top, boxWidth, rightHeight, null, Rgb.Rule, 0.6));
                y = top + 5;
                foreach (var (text, face, size, color) in rightLines)
                {
                    y += LineHeight(size);
                    items.Add(new TextItem(boxX + 6, y - (LineHeight(size) - Ascent(size)) - 1, text, face, size, color));
                }

                return items;
            }));

            // Title and version
            var label = VersionLabel(_audience);
            var status = _report.Status switch
            {
                ReportStatus.Partial => "Compte rendu partiel : des analyses sont en cours",
                ReportStatus.Corrected => $"Compte rendu corrigé : annule et remplace la révision {_report.Revision - 1}",
                _ => "Compte rendu complet",
            };
            if (_report.Request.Urgency == Urgency.Urgent)
            {
                status += " · URGENT";
            }

            const string title = "Compte rendu d'examens de biologie médicale";
            var badgeWidth = label is null ? 0 : Width(label, FontFace.Bold, 9) + 12;
            var badgeOnTitleLine = Width(title, FontFace.Bold, 12.5) + 10 + badgeWidth <= Right - Left;
            _flow.Add(new Block(StructureRole.Title, badgeOnTitleLine ? 34 : 46, top =>
            {
                var statusBaseline = badgeOnTitleLine ? top + 29 : top + 41;
                var items = new List<LayoutItem>
                {
                    new LineItem(Left, top + 2, Right, top + 2, 1.2, Rgb.Accent),
                    new TextItem(Left, top + 18, Printable(title), FontFace.Bold, 12.5, Rgb.Accent),
                    new TextItem(Left, statusBaseline, Printable(status), _report.Status == ReportStatus.Complete ? FontFace.Regular : FontFace.Bold, Body, Rgb.Black),
                };
                if (label is not null)
                {
                    var badgeTop = badgeOnTitleLine ? top + 7 : top + 24;
                    items.Add(new RectItem(Right - badgeWidth, badgeTop, badgeWidth, 14, Rgb.Band, Rgb.Accent, 0.6));
                    items.Add(new TextItem(Right - badgeWidth + 6, badgeTop + 10, Printable(label), FontFace.Bold, 9, Rgb.Accent));
                }

                return items;
            }));

            if (_report.CorrectionReason is { } reason)
            {
                ParagraphBlocks("Motif de la correction : " + reason, Left, Right - Left, Body, FontFace.Bold, Rgb.Black);
            }

            // Request, prescriber, recipients, stay
            var request = _report.Request;
            var lines = new List<string>();
            var requestLine = $"Dossier n° {request.OrderNumber}";
            if (request.PrescriptionDate is { } pd)
            {
                requestLine += $" · Prescription du {FrenchText.Date(pd)}";
            }

            if (request.PrescriptionId is { } pid)
            {
                requestLine += $" (réf. {pid})";
            }

            lines.Add(requestLine + $" · Demande reçue le {FrenchText.DateTime(request.ReceivedAt)}");
            if (_report.Prescriber is { } prescriber)
            {
                lines.Add("Prescripteur : " + PersonLine(prescriber));
            }

            if (_report.AttendingPhysician is { } gp)
            {
                lines.Add("Médecin traitant : " + PersonLine(gp));
            }

            if (_report.CopiesTo.Count > 0)
            {
                lines.Add("Copie à : " + string.Join(" ; ", _report.CopiesTo.Select(c => c.Practitioner.DisplayName)));
            }

            if (_report.Stay is { } stay)
            {
                var kind = stay.Kind switch { EncounterKind.Inpatient => "hospitalisation", EncounterKind.Emergency => "urgences", _ => "consultation externe" };
                var unit = stay.Unit is { } u ? $" · {u.Name} (UF {u.Code})" : string.Empty;
                var facility = stay.Facility is { } f ? $" · {f.Name}" : string.Empty;
                lines.Add($"Séjour n° {stay.VisitNumber.Value} ({kind}){unit}{facility} · entrée le {FrenchText.DateTime(stay.AdmittedAt)}");
            }

            foreach (var line in lines)
            {
                ParagraphBlocks(line, Left, Right - Left, Body, FontFace.Regular, Rgb.Black, spacing: 0);
            }

            foreach (var s in _report.Specimens)
            {
                var collector = s.Collector is { } c ? $" par {c.DisplayName}" : string.Empty;
                ParagraphBlocks($"Prélèvement {s.Id} : {s.Type.Display} · prélevé le {FrenchText.DateTime(s.CollectedAt)}{collector} · reçu le {FrenchText.DateTime(s.ReceivedAt)}",
                    Left, Right - Left, Small + 0.5, FontFace.Regular, Rgb.Gray, spacing: 0);
            }

            _flow.Add(new Block(StructureRole.Artifact, 8, _ => []));
        }

        private static string InsLabel(Ins ins) => ins.Kind switch
        {
            InsKind.Nir => "INS-NIR",
            InsKind.Nia => "INS-NIA",
            InsKind.NirTest => "INS-NIR de test",
            InsKind.NirDemo => "INS-NIR de démonstration",
            _ => ins.Oid,
        };

        private static string PersonLine(Practitioner p) =>
            p.Profession is { } prof ? $"{p.DisplayName} ({prof.Display})" : p.DisplayName;

        // ---------------------------------------------------------------------------------------------- results

        private void ChapterBlocks(Chapter chapter)
        {
            var title = chapter.Title.ToUpperInvariant();
            _flow.Add(ChapterHeading(title, continued: false));
            _flow.Add(ResultColumnHeader(title));
            foreach (var battery in chapter.Batteries)
            {
                BatteryBlocks(battery, title);
            }

            foreach (var comment in chapter.Comments)
            {
                CommentBlocks(comment, Left, title, null);
            }

            _flow.Add(new Block(StructureRole.Artifact, 6, _ => []));
        }

        private Block ChapterHeading(string title, bool continued) =>
            new(StructureRole.Heading, 20, top =>
            [
                new RectItem(Left, top + 3, Right - Left, 15, Rgb.Band, null),
                new TextItem(Left + 5, top + 14, Printable(continued ? title + " (suite)" : title), FontFace.Bold, 10, Rgb.Accent),
            ])
            { KeepWithNext = true, StartsSection = true };

        private Block ResultColumnHeader(string chapter) =>
            new(StructureRole.TableHeaderRow, 13, top =>
            [
                new TextItem(LabelX, top + 9, "Analyse", FontFace.Bold, Small, Rgb.Gray),
                new TextItem(ValueRight - Width("Résultat", FontFace.Bold, Small), top + 9, "Résultat", FontFace.Bold, Small, Rgb.Gray),
                new TextItem(UnitX, top + 9, "Unité", FontFace.Bold, Small, Rgb.Gray),
                new TextItem(RangeX, top + 9, "Valeurs de référence", FontFace.Bold, Small, Rgb.Gray),
                new TextItem(PreviousX, top + 9, "Antériorité", FontFace.Bold, Small, Rgb.Gray),
                new LineItem(Left, top + 12, Right, top + 12, 0.5, Rgb.Rule),
            ])
            { KeepWithNext = true, Chapter = chapter, StartsSection = true };

        private void BatteryBlocks(Battery battery, string chapter)
        {
            var specimen = _report.FindSpecimen(battery.SpecimenId);
            var subtitle = specimen is null ? null : $"{specimen.Type.Display} prélevé le {FrenchText.DateTime(specimen.CollectedAt)}";
            _flow.Add(BatteryHeading(battery, subtitle, chapter, continued: false));
            foreach (var observation in battery.Observations)
            {
                ObservationBlocks(observation, battery, chapter);
            }

            var number = 0;
            foreach (var isolate in battery.Isolates)
            {
                IsolateBlocks(isolate, ++number, battery, chapter);
            }

            foreach (var comment in battery.Comments)
            {
                CommentBlocks(comment, Left + 6, chapter, battery.Title);
            }

            _flow.Add(new Block(StructureRole.Artifact, 4, _ => []) { Chapter = chapter });
        }

        private Block BatteryHeading(Battery battery, string? subtitle, string chapter, bool continued)
        {
            var title = continued ? battery.Title + " (suite)" : battery.Title;
            var titleLines = Wrap(title, FontFace.Bold, 9, Right - Left);
            var extra = new List<string>();
            if (!continued && battery.PerformedBy is { } performer)
            {
                extra.AddRange(Wrap(PerformerLine(performer), FontFace.Regular, Small, Right - Left));
            }

            if (!continued && subtitle is not null)
            {
                extra.AddRange(Wrap(subtitle, FontFace.Regular, Small, Right - Left));
            }

            var height = (titleLines.Count * LineHeight(9)) + (extra.Count * LineHeight(Small)) + 4;
            return new Block(StructureRole.Subheading, height, top =>
            {
                var items = new List<LayoutItem>();
                var y = top + 2;
                foreach (var line in titleLines)
                {
                    y += LineHeight(9);
                    items.Add(new TextItem(Left, y - 2, line, FontFace.Bold, 9, Rgb.Black));
                }

                foreach (var line in extra)
                {
                    y += LineHeight(Small);
                    items.Add(new TextItem(Left, y - 2, line, FontFace.Regular, Small, Rgb.Gray));
                }

                return items;
            })
            { KeepWithNext = true, Chapter = chapter };
        }

        private static string PerformerLine(PerformingLaboratory performer)
        {
            var org = performer.Organization;
            var finess = org.Finess is { } f ? $", FINESS {f}" : string.Empty;
            var city = org.Address?.City is { } c ? $", {c}" : string.Empty;
            return $"Analyse transmise : réalisée par {org.Name}{finess}{city}";
        }

        private void ObservationBlocks(Observation o, Battery battery, string chapter)
        {
            var label = new List<(string Text, FontFace Face, double Size, Rgb Color)>();
            foreach (var line in Wrap(o.Label, FontFace.Regular, Body, LabelWidth))
            {
                label.Add((line, FontFace.Regular, Body, Rgb.Black));
            }

            if (o.Method is { } method)
            {
                foreach (var line in Wrap(method, FontFace.Regular, Small - 0.5, LabelWidth))
                {
                    label.Add((line, FontFace.Regular, Small - 0.5, Rgb.Gray));
                }
            }

            if (o.Status == ResultStatus.Corrected)
            {
                label.Add(("Résultat corrigé", FontFace.Bold, Small, Rgb.Black));
            }

            if (o.PerformedBy is { } performer && performer != battery.PerformedBy)
            {
                foreach (var line in Wrap(PerformerLine(performer), FontFace.Regular, Small - 0.5, LabelWidth))
                {
                    label.Add((line, FontFace.Regular, Small - 0.5, Rgb.Gray));
                }
            }

            var abnormal = o.IsAbnormal;
            var valueFace = abnormal ? FontFace.Bold : FontFace.Regular;
            var unitText = FrenchText.Unit(o.Value);
            var isText = o.Value is TextValue or CodedValue && FrenchText.Value(o.Value).Length > 0 && Width(FrenchText.Value(o.Value), valueFace, Body) > ValueWidth;
            List<string> valueLines;
            if (o.Status == ResultStatus.Cancelled)
            {
                valueLines = ["Non réalisé"];
            }
            else if (isText)
            {
                valueLines = Wrap(FrenchText.Value(o.Value), valueFace, Body, RangeX + RangeWidth - (ValueRight - ValueWidth) - 4);
            }
            else
            {
                valueLines = Wrap(FrenchText.Value(o.Value), valueFace, Body, ValueWidth);
            }

            var flag = InterpretationCodes.PrintMarker(o.Interpretations) ?? (abnormal ? "*" : null);
            var unitLines = isText ? [] : Wrap(unitText, FontFace.Regular, Body, UnitWidth);
            var rangeLines = new List<string>();
            if (!isText)
            {
                foreach (var range in o.ReferenceRanges)
                {
                    rangeLines.AddRange(Wrap(FrenchText.Limits(range, unitText), FontFace.Regular, Small + 0.5, RangeWidth));
                }
            }

            var previousLines = new List<(string, double, Rgb)>();
            if (o.Previous is { } previous)
            {
                var prevUnit = FrenchText.Unit(previous.Value);
                var prevText = FrenchText.Value(previous.Value) + (prevUnit.Length > 0 && prevUnit != unitText ? " " + prevUnit : string.Empty);
                foreach (var line in Wrap(prevText, FontFace.Regular, Small + 0.5, PreviousWidth))
                {
                    previousLines.Add((line, Small + 0.5, Rgb.Black));
                }

                previousLines.Add(("le " + FrenchText.Date(previous.Date), Small, Rgb.Gray));
            }

            var height = Math.Max(
                Math.Max(label.Sum(l => LineHeight(l.Size)), valueLines.Count * LineHeight(Body)),
                Math.Max(Math.Max(unitLines.Count * LineHeight(Body), rangeLines.Count * LineHeight(Small + 0.5)), previousLines.Sum(l => LineHeight(l.Item2)))) + 3;
            var row = new Block(StructureRole.TableRow, height, top =>
            {
                var items = new List<LayoutItem>();
                var y = top;
                foreach (var (text, face, size, color) in label)
                {
                    y += LineHeight(size);
                    items.Add(new TextItem(LabelX, y - (LineHeight(size) - Ascent(size)) + 0.5, text, face, size, color));
                }

                y = top;
                foreach (var line in valueLines)
                {
                    y += LineHeight(Body);
                    var x = isText ? ValueRight - ValueWidth : ValueRight - Width(line, valueFace, Body);
                    items.Add(new TextItem(x, y - (LineHeight(Body) - Ascent(Body)) + 0.5, line, valueFace, Body, o.Status == ResultStatus.Cancelled ? Rgb.Gray : Rgb.Black));
                }

                if (flag is not null)
                {
                    items.Add(new TextItem(FlagX, top + Ascent(Body) + 1.5, flag, FontFace.Bold, Body, Rgb.Black));
                }

                y = top;
                foreach (var line in unitLines)
                {
                    y += LineHeight(Body);
                    items.Add(new TextItem(UnitX, y - (LineHeight(Body) - Ascent(Body)) + 0.5, line, FontFace.Regular, Body, Rgb.Black));
                }

                y = top;
                foreach (var line in rangeLines)
                {
                    y += LineHeight(Small + 0.5);
                    items.Add(new TextItem(RangeX, y - (LineHeight(Small + 0.5) - Ascent(Small + 0.5)) + 1, line, FontFace.Regular, Small + 0.5, Rgb.Black));
                }

                y = top;
                foreach (var (text, size, color) in previousLines)
                {
                    y += LineHeight(size);
                    items.Add(new TextItem(PreviousX, y - (LineHeight(size) - Ascent(size)) + 1, text, FontFace.Regular, size, color));
                }

                items.Add(new LineItem(Left, top + height - 0.5, Right, top + height - 0.5, 0.25, Rgb.Band));
                return items;
            })
            {
                Chapter = chapter,
                Battery = battery.Title,
                ColumnHeader = () => ResultColumnHeader(chapter),
                KeepWithNext = o.Comments.Count > 0,
            };
            _flow.Add(row);
            foreach (var comment in o.Comments)
            {
                CommentBlocks(comment, LabelX + 10, chapter, battery.Title);
            }
        }

        private void IsolateBlocks(Isolate isolate, int number, Battery battery, string chapter)
        {
            var lines = new List<string> { $"Germe n° {number} : {isolate.Organism.Display}" };
            if (isolate.Count is { } count)
            {
                lines.Add($"{count.Label} : {FrenchText.ValueWithUnit(count.Value)}");
            }

            var wrapped = lines.SelectMany((l, i) => Wrap(l, i == 0 ? FontFace.Bold : FontFace.Regular, Body, Right - Left).Select(w => (w, i == 0))).ToList();
            _flow.Add(new Block(StructureRole.Subheading, (wrapped.Count * LineHeight(Body)) + 4, top =>
            {
                var items = new List<LayoutItem>();
                var y = top + 2;
                foreach (var (text, bold) in wrapped)
                {
                    y += LineHeight(Body);
                    items.Add(new TextItem(Left + 6, y - 2, text, bold ? FontFace.Bold : FontFace.Regular, Body, Rgb.Black));
                }

                return items;
            })
            { KeepWithNext = isolate.Antibiogram.Count > 0 || isolate.Comments.Count > 0, Chapter = chapter, Battery = battery.Title });

            if (isolate.Antibiogram.Count > 0)
            {
                Block Header() => new(StructureRole.TableHeaderRow, 13, top =>
                [
                    new TextItem(Left + 16, top + 9, "Antibiotique", FontFace.Bold, Small, Rgb.Gray),
                    new TextItem(Left + 230, top + 9, "CMI", FontFace.Bold, Small, Rgb.Gray),
                    new TextItem(Left + 320, top + 9, "Interprétation", FontFace.Bold, Small, Rgb.Gray),
                    new LineItem(Left + 12, top + 12, Left + 470, top + 12, 0.5, Rgb.Rule),
                ])
                { KeepWithNext = true, Chapter = chapter };

                _flow.Add(Header());
                foreach (var s in isolate.Antibiogram)
                {
                    var (letter, words) = s.Category switch
                    {
                        SusceptibilityCategory.Susceptible => ("S", "sensible"),
                        SusceptibilityCategory.Intermediate => ("I", "sensible à forte posologie"),
                        _ => ("R", "résistant"),
                    };
                    var names = Wrap(s.Antibiotic.Display, FontFace.Regular, Body, 205);
                    var mic = s.Mic is { } m ? FrenchText.Quantity(m) + " " + m.PrintUnit : string.Empty;
                    var face = s.Category == SusceptibilityCategory.Resistant ? FontFace.Bold : FontFace.Regular;
                    _flow.Add(new Block(StructureRole.TableRow, (names.Count * LineHeight(Body)) + 2, top =>
                    {
                        var items = new List<LayoutItem>();
                        var y = top;
                        foreach (var name in names)
                        {
                            y += LineHeight(Body);
                            items.Add(new TextItem(Left + 16, y - 2, name, FontFace.Regular, Body, Rgb.Black));
                        }

                        if (mic.Length > 0)
                        {
                            items.Add(new TextItem(Left + 230, top + LineHeight(Body) - 2, Printable(mic), FontFace.Regular, Body, Rgb.Black));
                        }

                        items.Add(new TextItem(Left + 320, top + LineHeight(Body) - 2, Printable($"{letter} ({words})"), face, Body, Rgb.Black));
                        return items;
                    })
                    { Chapter = chapter, Battery = battery.Title, ColumnHeader = Header });
                }
            }

            foreach (var comment in isolate.Comments)
            {
                CommentBlocks(comment, Left + 16, chapter, battery.Title);
            }
        }

        // ---------------------------------------------------------------------------------------------- text

        private void CommentBlocks(Comment comment, double x, string? chapter, string? battery)
        {
            var prefix = comment.Kind switch
            {
                CommentKind.Interpretation => "Interprétation : ",
                CommentKind.Technical => "Note technique : ",
                _ => "Commentaire : ",
            };
            ParagraphBlocks(prefix + comment.Text, x, Right - x, Small + 0.5, FontFace.Regular, Rgb.Black, spacing: 1.5, chapter, battery);
        }

        /// <summary>Adds a paragraph as blocks of at most six lines, so that a long text can cross pages.</summary>
        private void ParagraphBlocks(string text, double x, double width, double size, FontFace face, Rgb color, double spacing = 2, string? chapter = null, string? battery = null)
        {
            var lines = Wrap(text, face, size, width);
            for (var start = 0; start < lines.Count; start += 6)
            {
                var chunk = lines.Skip(start).Take(6).ToList();
                var last = start + 6 >= lines.Count;
                var height = (chunk.Count * LineHeight(size)) + (last ? spacing : 0);
                _flow.Add(new Block(StructureRole.Paragraph, height, top =>
                {
                    var items = new List<LayoutItem>();
                    var y = top;
                    foreach (var line in chunk)
                    {
                        y += LineHeight(size);
                        items.Add(new TextItem(x, y - (LineHeight(size) - Ascent(size)) + 0.5, line, face, size, color));
                    }

                    return items;
                })
                { Chapter = chapter, Battery = battery, KeepWithNext = !last && start == 0 });
            }
        }

        private void CommentSection()
        {
            if (_report.Comments.Count == 0)
            {
                return;
            }

            _flow.Add(new Block(StructureRole.Heading, 18, top =>
            [
                new RectItem(Left, top + 3, Right - Left, 13, Rgb.Band, null),
                new TextItem(Left + 5, top + 13, "COMMENTAIRES", FontFace.Bold, 9, Rgb.Accent),
            ])
            { KeepWithNext = true, StartsSection = true });
            foreach (var comment in _report.Comments)
            {
                CommentBlocks(comment, Left, null, null);
            }
        }

        private void ValidationBlocks()
        {
            var biologist = _report.Biologist;
            var who = biologist.Profession is { } prof ? $"{biologist.DisplayName}, {prof.Display}" : biologist.DisplayName;
            var validated = $"Compte rendu validé le {FrenchText.DateTime(_report.ValidatedAt)} par {who}" + (biologist.Rpps is { } rpps ? $" (RPPS {rpps})" : string.Empty);
            var lines = Wrap(validated, FontFace.Bold, Body, Right - Left);
            var legend = Wrap("H / L : au-dessus / au-dessous des valeurs de référence · HH / LL : très au-dessus / très au-dessous · A / AA : anormal / très anormal · * : résultat anormal. " +
                "Les valeurs en gras sont hors des valeurs de référence.", FontFace.Regular, Small - 0.5, Right - Left);
            var height = 10 + (lines.Count * LineHeight(Body)) + 4 + (legend.Count * LineHeight(Small - 0.5));
            _flow.Add(new Block(StructureRole.Paragraph, height, top =>
            {
                var items = new List<LayoutItem> { new LineItem(Left, top + 4, Right, top + 4, 0.8, Rgb.Accent) };
                var y = top + 8;
                foreach (var line in lines)
                {
                    y += LineHeight(Body);
                    items.Add(new TextItem(Left, y - 2, line, FontFace.Bold, Body, Rgb.Black));
                }

                y += 4;
                foreach (var line in legend)
                {
                    y += LineHeight(Small - 0.5);
                    items.Add(new TextItem(Left, y - 1.5, line, FontFace.Regular, Small - 0.5, Rgb.Gray));
                }

                return items;
            }));
        }

        // ---------------------------------------------------------------------------------------------- pages

        private List<LayoutPage> Paginate()
        {
            var pages = new List<List<LayoutBlock>>();
            List<LayoutBlock> page = [];
            pages.Add(page);
            var y = Top;
            var contentHeight = Bottom - Top - ContinuationHeaderHeight;

            for (var i = 0; i < _flow.Count; i++)
            {
                var block = _flow[i];
                var group = block.Height;
                for (var j = i; j < _flow.Count - 1 && _flow[j].KeepWithNext && group + _flow[j + 1].Height <= contentHeight * 0.6; j++)
                {
                    group += _flow[j + 1].Height;
                }

                if (y + group > Bottom && page.Count > 0)
                {
                    page = [];
                    pages.Add(page);
                    y = Top;
                    page.Add(new LayoutBlock(StructureRole.Artifact, ContinuationHeader(Top)));
                    y += ContinuationHeaderHeight;
                    if (block.Chapter is { } chapter && !block.StartsSection)
                    {
                        foreach (var repeat in Repeats(block, chapter))
                        {
                            page.Add(new LayoutBlock(repeat.Role, repeat.Draw(y)));
                            y += repeat.Height;
                        }
                    }
                }

                if (block.Height > 0)
                {
                    page.Add(new LayoutBlock(block.Role, block.Draw(y)));
                }

                y += block.Height;
            }

            var total = pages.Count;
            var result = new List<LayoutPage>(total);
            for (var n = 0; n < total; n++)
            {
                var blocks = pages[n].Where(b => b.Items.Count > 0).ToList();
                blocks.Add(new LayoutBlock(StructureRole.Artifact, Footer(n + 1, total)));
                result.Add(new LayoutPage(blocks));
            }

            return result;
        }

        /// <summary>What a page opens with when a chapter's table continues on it: the chapter, the column header, the battery.</summary>
        private IEnumerable<Block> Repeats(Block block, string chapter)
        {
            yield return ChapterHeading(chapter, continued: true);
            if (block.Role == StructureRole.Subheading)
            {
                yield return ResultColumnHeader(chapter);
                yield break;
            }

            if (block.Battery is { } battery)
            {
                yield return new Block(StructureRole.Subheading, LineHeight(9) + 4, top =>
                    [new TextItem(Left, top + LineHeight(9), Printable(battery + " (suite)"), FontFace.Bold, 9, Rgb.Black)]);
            }

            yield return block.ColumnHeader?.Invoke() ?? ResultColumnHeader(chapter);
        }

        private const double ContinuationHeaderHeight = 26;

        private List<LayoutItem> ContinuationHeader(double top)
        {
            var p = _report.Patient;
            var who = $"{p.DisplayFamilyName} {p.DisplayGivenName} · né(e) le {FrenchText.Date(p.BirthDate)} · Dossier n° {_report.Request.OrderNumber}";
            return
            [
                new TextItem(Left, top + 9, Printable(_report.Laboratory.Name), FontFace.Bold, Small + 0.5, Rgb.Accent),
                new TextItem(Right - Width(Printable(who), FontFace.Regular, Small + 0.5), top + 9, Printable(who), FontFace.Regular, Small + 0.5, Rgb.Black),
                new LineItem(Left, top + 15, Right, top + 15, 0.6, Rgb.Accent),
            ];
        }

        private List<LayoutItem> Footer(int number, int total)
        {
            var label = VersionLabel(_audience);
            var left = Printable((label is null ? string.Empty : label + " · ") + $"{_report.ReportId} · révision {_report.Revision} · Document {_identity.Id}");
            var right = $"Page {number} / {total}";
            var baseline = PageHeight - 30;
            return
            [
                new LineItem(Left, baseline - 10, Right, baseline - 10, 0.5, Rgb.Rule),
                new TextItem(Left, baseline, left, FontFace.Regular, Small - 0.5, Rgb.Gray),
                new TextItem(Right - Width(right, FontFace.Bold, Small), baseline, right, FontFace.Bold, Small, Rgb.Black),
            ];
        }

        // ---------------------------------------------------------------------------------------------- measures

        private List<string> Wrap(string text, FontFace face, double size, double width) => TextWrapper.Wrap(_fonts, text, face, size, width);

        private double Width(string text, FontFace face, double size) => _fonts.Width(text, face, size);

        private double Ascent(double size) => _fonts.Ascent(FontFace.Regular, size);

        private string Printable(string text) => _fonts.Printable(text);
    }
}
