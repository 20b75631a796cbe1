package org.ramsetu.platform.architecture.planted.stock;

/** The face of the planted stock module. */
public interface Stock {
    int available(String item);
}
