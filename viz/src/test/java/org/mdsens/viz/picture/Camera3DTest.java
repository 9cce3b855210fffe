package org.mdsens.viz.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class Camera3DTest {

    private static Camera3D camera() {
        return new Camera3D().lookAt(0, 0, 10, 0, 0, 0, 0, 1, 0).setViewport(800, 600);
    }

    @Test
    void targetProjectsToTheViewportCentreAtItsDistance() {
        Camera3D c = camera();
        double[] p = new double[3];
        assertTrue(c.project(0, 0, 0, p));
        assertEquals(400, p[0], 1e-9);
        assertEquals(300, p[1], 1e-9);
        assertEquals(10, p[2], 1e-9);
        // +x right, +y up (screen y down), a point behind the camera is not projected
        assertTrue(c.project(1, 1, 0, p));
        assertTrue(p[0] > 400 && p[1] < 300);
        assertEquals(c.focalLength() / 10, p[0] - 400, 1e-9);
        assertFalse(c.project(0, 0, 20, p));
        assertEquals(c.focalLength() * 0.5 / 10, c.projectedRadius(0.5, 10), 1e-12);
    }

    @Test
    void fieldOfViewSpansTheSmallerDimension() {
        Camera3D c = camera().setFieldOfView(60);
        // at depth d a half-height of d·tan(30°) reaches the top edge of a 600-px-high viewport
        double[] p = new double[3];
        c.project(0, 10 * Math.tan(Math.toRadians(30)), 0, p);
        assertEquals(0, p[1], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> c.setFieldOfView(180));
    }

    @Test
    void pickFindsTheProjectedSphereSeed21() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(21);
        int n = 30;
        double[] centres = new double[3 * n];
        double[] radii = new double[n];
        for (int i = 0; i < n; i++) {
            // well separated on a 6×5 grid in the z = 0 plane, random radii
            centres[3 * i] = (i % 6 - 2.5) * 1.5;
            centres[3 * i + 1] = (i / 6 - 2) * 1.5;
            centres[3 * i + 2] = rng.nextDouble() - 0.5;
            radii[i] = 0.3 + 0.3 * rng.nextDouble();
        }
        Camera3D c = camera();
        double[] p = new double[3];
        for (int i = 0; i < n; i++) {
            c.project(centres[3 * i], centres[3 * i + 1], centres[3 * i + 2], p);
            assertEquals(i, c.pick(p[0], p[1], centres, radii), "sphere " + i);
        }
        assertEquals(-1, c.pick(1, 1, centres, radii));
    }

    @Test
    void pickPrefersTheSphereNearestTheCamera() {
        double[] centres = {0, 0, -3, 0, 0, 2, 0, 0, 0};
        double[] radii = {1, 0.5, 1};
        assertEquals(1, camera().pick(400, 300, centres, radii));
    }

    @Test
    void rotationOrbitsAtFixedDistanceAndIsReversible() {
        Camera3D c = camera();
        double[] eye = c.eye(new double[3]);
        assertEquals(10, Math.sqrt(eye[0] * eye[0] + eye[1] * eye[1] + eye[2] * eye[2]), 1e-9);
        double[] before = new double[3];
        c.project(1, 2, 3, before);
        c.rotate(150, 0);
        double[] e2 = c.eye(new double[3]);
        assertEquals(10, Math.sqrt(e2[0] * e2[0] + e2[1] * e2[1] + e2[2] * e2[2]), 1e-9);
        double[] target = new double[3];
        c.project(0, 0, 0, target);
        assertEquals(400, target[0], 1e-9, "the target stays at the centre");
        c.rotate(-150, 0);
        double[] after = new double[3];
        c.project(1, 2, 3, after);
        for (int k = 0; k < 3; k++) assertEquals(before[k], after[k], 1e-9);
    }

    @Test
    void draggingRightTurnsTheFrontToTheRight() {
        Camera3D c = camera();
        double[] p = new double[3];
        c.rotate(60, 0); // a point in front of the target (towards the eye) moves right
        c.project(0, 0, 2, p);
        assertTrue(p[0] > 400, "x = " + p[0]);
        Camera3D d = camera();
        d.rotate(0, 60); // dragging down turns the front down
        d.project(0, 0, 2, p);
        assertTrue(p[1] > 300, "y = " + p[1]);
        // dragging across the smaller dimension (600 px) turns by 180°: the eye goes to the far side
        Camera3D h = camera().rotate(600, 0);
        double[] eye = h.eye(new double[3]);
        assertEquals(-10, eye[2], 1e-9);
    }

    @Test
    void zoomDividesTheDistance() {
        Camera3D c = camera();
        double r0 = c.projectedRadius(1, c.distance());
        c.zoom(2);
        assertEquals(5, c.distance(), 1e-12);
        double[] p = new double[3];
        c.project(0, 0, 0, p);
        assertEquals(5, p[2], 1e-9);
        assertEquals(2 * r0, c.projectedRadius(1, p[2]), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> c.zoom(0));
    }

    @Test
    void framingFitsTheBoundingSphere() {
        Camera3D c = Camera3D.framing(new double[] {0, 0, 0}, new double[] {2, 2, 2}).setViewport(500, 500);
        double[] p = new double[3];
        for (int corner = 0; corner < 8; corner++) {
            assertTrue(c.project(2 * (corner & 1), 2 * ((corner >> 1) & 1), 2 * ((corner >> 2) & 1), p));
            assertTrue(p[0] > 0 && p[0] < 500 && p[1] > 0 && p[1] < 500, "corner " + corner + " inside");
        }
        c.project(1, 1, 1, p);
        assertEquals(250, p[0], 1e-9);
        assertEquals(250, p[1], 1e-9);
    }
}
