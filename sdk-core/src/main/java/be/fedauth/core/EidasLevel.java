package be.fedauth.core;

/** The eIDAS levels of assurance (Regulation 910/2014, article 8). */
public enum EidasLevel {
    LOW, SUBSTANTIAL, HIGH
}
