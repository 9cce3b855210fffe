package org.mdsens.viz.picture;

import org.joml.Intersectiond;
import org.joml.Matrix4d;
import org.joml.Quaterniond;
import org.joml.Vector2d;
import org.joml.Vector3d;

/**
 * A perspective orbit camera for 3D particle pictures, built on JOML.
 *
 * <p>The camera looks at a target point from {@link #distance()} along its viewing axis; its
 * orientation is a unit quaternion (world → camera rotation). View matrix:
 * {@code V = T(0, 0, −distance) · R(orientation) · T(−target)}; projection: JOML's
 * {@code perspective} with the field of view spanning the <em>smaller</em> viewport dimension, so a
 * fitted scene stays inside the picture for any aspect ratio. Screen coordinates are pixels with the
 * origin at the top-left of the viewport and y pointing down (Java2D convention); depth is the distance
 * in front of the camera along its axis.
 *
 * <p>Interaction: {@link #rotate(double, double)} is an arcball-style orbit around the target (dragging
 * across the smaller viewport dimension turns the scene by 180°), {@link #zoom(double)} moves the camera
 * along its axis, {@link #pick} returns the nearest sphere hit by the ray under a screen point.
 *
 * <p>Mutable and not thread-safe: one camera per view, used from one thread (the Swing event thread in
 * the desktop app). No allocation in {@link #project}; {@link #pick} allocates nothing per sphere.
 */
public final class Camera3D {

    private final Vector3d target = new Vector3d();
    private final Quaterniond orientation = new Quaterniond();
    private double distance = 10;
    private double fieldOfView = Math.toRadians(30);
    private double sceneRadius = 1;
    private int width = 800;
    private int height = 800;

    private final Matrix4d view = new Matrix4d();
    private final Matrix4d viewProjection = new Matrix4d();
    private final Vector3d scratch = new Vector3d();
    private boolean dirty = true;

    /** A camera at distance 10 on the +z axis looking at the origin, y up, 30° field of view. */
    public Camera3D() { }

    /**
     * A camera that frames the axis-aligned bounds [min, max] (length-3 arrays) from an oblique
     * direction (x to the right and slightly towards the viewer, z up), with the bounding sphere just
     * inside the field of view.
     */
    public static Camera3D framing(double[] min, double[] max) {
        Camera3D c = new Camera3D();
        double cx = 0.5 * (min[0] + max[0]), cy = 0.5 * (min[1] + max[1]), cz = 0.5 * (min[2] + max[2]);
        double dx = 1.1, dy = -2.2, dz = 1.0; // from the front right, a little above
        double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
        c.lookAt(cx + dx / n, cy + dy / n, cz + dz / n, cx, cy, cz, 0, 0, 1);
        c.fit(min, max);
        return c;
    }

    /**
     * Places the camera at {@code eye} looking at {@code target} with the given up direction; the
     * distance becomes |eye − target| (positive).
     */
    public Camera3D lookAt(double eyeX, double eyeY, double eyeZ, double targetX, double targetY, double targetZ,
                           double upX, double upY, double upZ) {
        double d = Math.sqrt((eyeX - targetX) * (eyeX - targetX) + (eyeY - targetY) * (eyeY - targetY)
                + (eyeZ - targetZ) * (eyeZ - targetZ));
        if (!(d > 0) || !Double.isFinite(d)) {
            throw new IllegalArgumentException("eye must differ from target, got distance " + d);
        }
        new Matrix4d().lookAt(eyeX, eyeY, eyeZ, targetX, targetY, targetZ, upX, upY, upZ)
                .getNormalizedRotation(orientation);
        target.set(targetX, targetY, targetZ);
        distance = d;
        dirty = true;
        return this;
    }

    /**
     * Keeps the orientation, centres the target on the bounds [min, max] and sets the distance so their
     * bounding sphere fills the field of view (5 % margin).
     */
    public Camera3D fit(double[] min, double[] max) {
        double r = 0;
        for (int a = 0; a < 3; a++) r += 0.25 * (max[a] - min[a]) * (max[a] - min[a]);
        r = Math.sqrt(r);
        if (!(r > 0)) r = 1;
        target.set(0.5 * (min[0] + max[0]), 0.5 * (min[1] + max[1]), 0.5 * (min[2] + max[2]));
        sceneRadius = r;
        distance = 1.05 * r / Math.sin(0.5 * fieldOfView);
        dirty = true;
        return this;
    }

    /** Sets the viewport size in pixels (both positive). */
    public Camera3D setViewport(int widthPx, int heightPx) {
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("viewport must be positive, got " + widthPx + "x" + heightPx);
        }
        if (widthPx != width || heightPx != height) dirty = true;
        width = widthPx;
        height = heightPx;
        return this;
    }

    /** Sets the field of view across the smaller viewport dimension, in degrees in (0, 170). */
    public Camera3D setFieldOfView(double degrees) {
        if (!(degrees > 0 && degrees < 170)) {
            throw new IllegalArgumentException("field of view must be in (0, 170) degrees, got " + degrees);
        }
        fieldOfView = Math.toRadians(degrees);
        dirty = true;
        return this;
    }

    /**
     * Arcball-style orbit about the target for a mouse drag of (dx, dy) pixels: the scene turns about
     * the camera-frame axis (dy, dx, 0) by π·|(dx, dy)| / min(width, height), so dragging right turns
     * the front of the scene to the right and dragging down turns it down.
     */
    public Camera3D rotate(double dx, double dy) {
        double len = Math.hypot(dx, dy);
        if (!(len > 0) || !Double.isFinite(len)) return this;
        double angle = Math.PI * len / Math.min(width, height);
        orientation.premul(new Quaterniond().rotationAxis(angle, dy / len, dx / len, 0)).normalize();
        dirty = true;
        return this;
    }

    /** Divides the distance to the target by {@code factor} (&gt; 1 zooms in), within [1e-3, 1e3]·radius. */
    public Camera3D zoom(double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be positive and finite, got " + factor);
        }
        distance = Math.max(1e-3 * sceneRadius, Math.min(1e3 * sceneRadius, distance / factor));
        dirty = true;
        return this;
    }

    public double distance() { return distance; }
    public int viewportWidth() { return width; }
    public int viewportHeight() { return height; }

    /** The target point into {@code dest} (length ≥ 3). */
    public double[] target(double[] dest) {
        dest[0] = target.x; dest[1] = target.y; dest[2] = target.z;
        return dest;
    }

    /** The eye position into {@code dest} (length ≥ 3). */
    public double[] eye(double[] dest) {
        update();
        Vector3d e = new Matrix4d(view).invert().transformPosition(0, 0, 0, new Vector3d());
        dest[0] = e.x; dest[1] = e.y; dest[2] = e.z;
        return dest;
    }

    /** Focal length in pixels: a unit length at unit depth spans this many pixels. */
    public double focalLength() {
        return 0.5 * Math.min(width, height) / Math.tan(0.5 * fieldOfView);
    }

    /**
     * Projects a world point to the screen.
     *
     * @param dest receives {screen x, screen y, depth} (length ≥ 3)
     * @return false if the point is not in front of the camera (then dest is unspecified)
     */
    public boolean project(double x, double y, double z, double[] dest) {
        update();
        view.transformPosition(x, y, z, scratch);
        double depth = -scratch.z;
        if (!(depth > 1e-9 * distance)) return false;
        double f = focalLength();
        dest[0] = 0.5 * width + f * scratch.x / depth;
        dest[1] = 0.5 * height - f * scratch.y / depth;
        dest[2] = depth;
        return true;
    }

    /** Depth (distance in front of the camera along its axis) of a world point; negative behind it. */
    public double depth(double x, double y, double z) {
        update();
        view.transformPosition(x, y, z, scratch);
        return -scratch.z;
    }

    /** Screen radius in pixels of a sphere of world radius {@code radius} at {@code depth}. */
    public double projectedRadius(double radius, double depth) {
        return focalLength() * radius / depth;
    }

    /**
     * The sphere hit first by the ray through screen point (sx, sy), or -1.
     *
     * @param centres xyz-interleaved sphere centres, length 3·N
     * @param radii   radius per sphere, length N
     */
    public int pick(double sx, double sy, double[] centres, double[] radii) {
        update();
        Vector3d origin = new Vector3d();
        Vector3d dir = new Vector3d();
        viewProjection.unprojectRay(sx, height - sy, new int[] {0, 0, width, height}, origin, dir);
        dir.normalize();
        Vector2d t = new Vector2d();
        int best = -1;
        double bestT = Double.POSITIVE_INFINITY;
        for (int i = 0; i < radii.length; i++) {
            if (Intersectiond.intersectRaySphere(origin.x, origin.y, origin.z, dir.x, dir.y, dir.z,
                    centres[3 * i], centres[3 * i + 1], centres[3 * i + 2], radii[i] * radii[i], t)) {
                double hit = t.x >= 0 ? t.x : t.y;
                if (hit >= 0 && hit < bestT) {
                    bestT = hit;
                    best = i;
                }
            }
        }
        return best;
    }

    private void update() {
        if (!dirty) return;
        view.identity().translate(0, 0, -distance).rotate(orientation).translate(-target.x, -target.y, -target.z);
        double near = Math.max(1e-4 * distance, distance - 4 * sceneRadius);
        double far = distance + 4 * sceneRadius;
        double fovY = 2 * Math.atan(Math.tan(0.5 * fieldOfView) * height / Math.min(width, height));
        viewProjection.identity().perspective(fovY, (double) width / height, near, far).mul(view);
        dirty = false;
    }
}
