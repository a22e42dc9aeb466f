namespace SglReference.Dmp;

/// <summary>The software's identity in the VIHF (LPS_ID, LPS_Nom, LPS_Version, LPS_ID_HOMOLOGATION_DMP).</summary>
/// <param name="Id">LPS_ID.</param>
/// <param name="Name">LPS_Nom.</param>
/// <param name="Version">LPS_Version.</param>
/// <param name="Homologation">LPS_ID_HOMOLOGATION_DMP: the number the DMP homologation gave the software.</param>
public sealed record LpsIdentity(string Id, string Name, string Version, string Homologation);
