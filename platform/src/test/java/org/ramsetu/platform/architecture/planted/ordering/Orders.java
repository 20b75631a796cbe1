package org.ramsetu.platform.architecture.planted.ordering;

import org.ramsetu.platform.architecture.planted.stock.internal.StockLedger;

/** The planted violation: ordering reaches past stock's face into its internals. */
public class Orders {
    private final StockLedger ledger = new StockLedger();

    public boolean canOrder(String item) {
        return ledger.available(item) > 0;
    }
}
