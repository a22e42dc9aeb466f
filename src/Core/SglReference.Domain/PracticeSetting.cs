namespace SglReference.Domain;

/// <summary>The practice setting of the lab (JDV_J04, TRE_A01-CadreExercice).</summary>
public enum PracticeSetting
{
    /// <summary>AMBULATOIRE: a city laboratory.</summary>
    Ambulatory,
    /// <summary>ETABLISSEMENT: a hospital laboratory.</summary>
    Hospital,
}
