package io.jsnooper.it.java25;

import io.jsnooper.Snoop;

/** Shapes only javac 25 emits: record patterns in switch, sealed types, flexible constructor bodies, `_`. */
public final class ModernShapes {

    sealed interface Shape permits Circle, Square, Rect {
    }

    record Circle(double radius) implements Shape {
    }

    record Square(int side) implements Shape {
    }

    record Point(int x, int y) {
    }

    record Rect(Point corner, int width, int height) implements Shape {
    }

    @Snoop
    static String describe(Shape shape) {
        String text = switch (shape) {
            case Circle(double r) when r > 10 -> "big circle";
            case Circle c -> "circle " + c.radius();
            case Square(int side) -> "square " + side;
            case Rect(Point(var x, var y), int width, _) -> "rect at " + x + "," + y + " w" + width;
        };
        return text;
    }

    @Snoop
    static int instanceofPattern(Object o) {
        if (o instanceof Point(int x, int y) && x > 0) {
            int sum = x + y;
            return sum;
        }
        return -1;
    }

    static class Base {
        final String name;

        Base(String name) {
            this.name = name;
        }
    }

    static final class Checked extends Base {
        final int value;

        @Snoop
        Checked(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative");
            }
            String name = "v" + value;
            this.value = value;
            super(name);
            int twice = this.value * 2;
            System.out.println(this.name + " twice " + twice);
        }
    }

    @Snoop
    static int countUnnamed(String[] items) {
        int count = 0;
        for (String _ : items) {
            count++;
        }
        int _ = count * 100;
        return count;
    }

    public static void main(String[] args) {
        System.out.println(describe(new Circle(20)));
        System.out.println(describe(new Circle(2)));
        System.out.println(describe(new Square(3)));
        System.out.println(describe(new Rect(new Point(1, 2), 5, 6)));
        System.out.println(instanceofPattern(new Point(3, 4)));
        System.out.println(instanceofPattern("no"));
        System.out.println(new Checked(4).value);
        System.out.println(countUnnamed(new String[] {"a", "b"}));
    }
}
