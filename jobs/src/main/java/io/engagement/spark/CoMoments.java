package io.engagement.spark;

import java.io.Serializable;

/** The moments of two variables over the same rows, and the exact sum of their products. */
public final class CoMoments implements Serializable {
  private static final long serialVersionUID = 1L;

  private Moments x = new Moments();
  private Moments y = new Moments();
  private ExactSum products = new ExactSum();

  void add(double vx, double vy) {
    x.add(vx);
    y.add(vy);
    products.addProduct(vx, vy);
  }

  void addAll(CoMoments other) {
    x.addAll(other.x);
    y.addAll(other.y);
    products.addAll(other.products);
  }

  long count() {
    return x.count();
  }

  /**
   * Pearson's r: the co-moment over the square root of both spreads (their factors n cancel out);
   * null when either spread is 0, where r is undefined.
   */
  Double correlation() {
    double spreadX = x.scaledSpread();
    double spreadY = y.scaledSpread();
    if (!(spreadX > 0) || !(spreadY > 0)) {
      return null;
    }
    return Moments.scaledCoMoment(x, y, products) / Math.sqrt(spreadX * spreadY);
  }

  // Bean properties, only for Spark's bean encoder: as an aggregation buffer this travels between
  // tasks as a struct written by generated code, several times cheaper than Java serialisation.

  public Moments getX() {
    return x;
  }

  public void setX(Moments x) {
    this.x = x;
  }

  public Moments getY() {
    return y;
  }

  public void setY(Moments y) {
    this.y = y;
  }

  public ExactSum getProducts() {
    return products;
  }

  public void setProducts(ExactSum products) {
    this.products = products;
  }
}
