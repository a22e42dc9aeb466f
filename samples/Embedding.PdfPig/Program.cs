// Embedding SglReference with PdfPig only (Apache-2.0): read a report, render its documents and MSSanté messages,
// write them to a folder. Usage: Embedding.PdfPig <report.json> <output-folder>
using SglReference.Engine;
using SglReference.Mss;
using SglReference.Pdf.Fonts;
using SglReference.Pdf.PdfPig;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Embedding.PdfPig <report.json> <output-folder>");
    return 2;
}

// 1. Build the engine once (immutable, thread-safe): the PDF adapter, the channels, your lab profiles.
var fonts = FontSet.Load(); // DejaVu Sans from Debian's fonts-dejavu-core
var engine = new SglEngineBuilder()
    .UsePdfRenderer(new PdfPigRenderer(fonts), fonts)
    .AddChannel(new MssChannel(MssOptions.Default))
    .Build();

// 2. Read and validate the report: every error has a path and a code.
var read = engine.Read(File.ReadAllBytes(args[0]));
if (!read.IsValid)
{
    foreach (var error in read.Errors)
    {
        Console.Error.WriteLine(error);
    }

    return 2;
}

// 3. Render: pure, no I/O. The package holds the documents, the delivery plan and each channel's messages.
RenderPackage package;
try
{
    package = engine.Render(new RenderRequest(read.Report!));
}
catch (RenderException ex)
{
    foreach (var error in ex.Errors)
    {
        Console.Error.WriteLine(error);
    }

    return 2;
}

// 4. Store and send as your product does; here, write every file.
Directory.CreateDirectory(args[1]);
foreach (var artifact in package.Artifacts)
{
    File.WriteAllBytes(Path.Combine(args[1], artifact.FileName), artifact.Content.ToArray());
    Console.WriteLine($"{artifact.Kind,-12} {artifact.AudienceName ?? "-",-12} {artifact.FileName}");
}

Console.WriteLine(engine.PdfRenderer!.LicenceNotice);
return 0;
