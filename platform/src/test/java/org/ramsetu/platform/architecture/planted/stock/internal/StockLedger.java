package org.ramsetu.platform.architecture.planted.stock.internal;

import java.util.UUID;
import org.ramsetu.platform.architecture.planted.stock.Stock;

/** An internal of the planted stock module, which no other module may use. */
public class StockLedger implements Stock {
    @Override
    public int available(String item) {
        return 0;
    }

    @Override
    public int reservedFor(UUID order) {
        return 0;
    }
}
