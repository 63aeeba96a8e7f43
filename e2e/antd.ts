import type { Locator, Page } from "playwright-core";

/**
 * Chooses an option of an Ant Design Select by its visible text. The dropdown is found through the
 * input's aria-controls, since a previous select's dropdown may still be fading out with the same options.
 * The choice counts once the select shows it: a click on an option that was being re-rendered can be lost.
 */
export async function choose(page: Page, select: Locator, option: string | RegExp) {
  const container = select.locator(
    "xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
  );
  const shown = async () => {
    const text = (await container.textContent()) ?? "";
    return typeof option === "string" ? text.includes(option) : option.test(text);
  };
  const before = await shown();
  // Options may still be loading when the select opens: try again a few times.
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const listId = await select.getAttribute("aria-controls");
    const dropdown = listId
      ? page.locator(`.ant-select-dropdown:has([id="${listId}"])`)
      : page.locator(".ant-select-dropdown");
    try {
      await dropdown
        .locator(".ant-select-item-option")
        .filter({ hasText: option })
        .first()
        .click({ timeout: 3000 });
      if (before) return;
      for (let wait = 0; wait < 20 && !(await shown()); wait++) await page.waitForTimeout(100);
      if (await shown()) return;
      throw new Error(`the select does not show ${String(option)} after choosing it`);
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press("Escape");
    }
  }
}

/** Types a date into an Ant Design DatePicker and confirms it. */
export async function typeDate(picker: Locator, value: string) {
  await picker.click();
  await picker.fill(value);
  await picker.press("Enter");
  await picker.blur();
}

/** Waits for the success message Ant Design shows after an action. */
export const success = (page: Page, text: string | RegExp) =>
  page.locator(".ant-message-success", { hasText: text }).first().waitFor();

/** Picks today in an Ant Design DatePicker whose input is read-only (as on phones). */
export async function pickToday(page: Page, picker: Locator) {
  await picker.click();
  await page.locator(".ant-picker-dropdown").filter({ visible: true }).getByText("今天").click();
}

/**
 * Clicks the OK button of the open Popconfirm and waits for it to close. A click landing while the
 * popover is still opening can be lost; it is repeated only while the button is neither loading nor gone,
 * so an action is never confirmed twice.
 */
export async function confirmPop(page: Page, okText: string) {
  const ok = page
    .locator(".ant-popconfirm")
    .filter({ visible: true })
    .getByRole("button", { name: okText, exact: true });
  for (let attempt = 1; ; attempt++) {
    await ok.click();
    try {
      await ok.waitFor({ state: "hidden", timeout: 3000 });
      return;
    } catch (error) {
      const loading = await ok.evaluate((b) => b.classList.contains("ant-btn-loading")).catch(() => true);
      if (loading) return ok.waitFor({ state: "hidden" });
      if (attempt === 3) throw error;
    }
  }
}
