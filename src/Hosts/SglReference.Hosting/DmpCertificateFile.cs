namespace SglReference.Hosting;

/// <summary>A certificate named in the configuration (never in the repository).</summary>
/// <param name="Path">A .p12/.pfx file, or a PEM certificate (with its key in <paramref name="KeyPath"/> or in the same file).</param>
/// <param name="KeyPath">The PEM private key file.</param>
/// <param name="PasswordVariable">The environment variable holding the .p12 or encrypted key password.</param>
/// <param name="StructureId">For a signature certificate: the structure id (IDNST) when its OU is not it.</param>
public sealed record DmpCertificateFile(string Path, string? KeyPath = null, string? PasswordVariable = null, string? StructureId = null);
