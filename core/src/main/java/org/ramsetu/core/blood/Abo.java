package org.ramsetu.core.blood;

/** ABO blood type. */
public enum Abo {
    O,
    A,
    B,
    AB;

    /**
     * Classic red-cell compatibility: the donor's antigens must all be present in the recipient.
     */
    public boolean canDonateTo(Abo recipient) {
        return switch (this) {
            case O -> true;
            case A -> recipient == A || recipient == AB;
            case B -> recipient == B || recipient == AB;
            case AB -> recipient == AB;
        };
    }
}
