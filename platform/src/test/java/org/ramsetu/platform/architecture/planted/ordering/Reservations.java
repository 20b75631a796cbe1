package org.ramsetu.platform.architecture.planted.ordering;

import java.util.UUID;
import org.ramsetu.platform.architecture.planted.stock.Stock;

/** The planted raw id: ordering hands stock an order's id as a bare UUID, through stock's face. */
public class Reservations {
    private final Stock stock;

    public Reservations(Stock stock) {
        this.stock = stock;
    }

    public boolean reserved(UUID order) {
        return stock.reservedFor(order) > 0;
    }
}
